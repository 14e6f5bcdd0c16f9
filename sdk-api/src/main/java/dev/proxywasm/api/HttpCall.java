package dev.proxywasm.api;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.runtime.AsyncDispatch;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.HostCallException;
import java.util.List;
import java.util.function.Consumer;

/**
 * An HTTP request to an upstream cluster ({@code proxy_http_call}). The callback runs when the
 * answer arrives, with the dispatching stream current again: pause the stream, dispatch, and
 * resume it from the callback.
 *
 * <pre>{@code
 * try {
 *     HttpCall.dispatch("auth", List.of(new Header(":method", "GET"), new Header(":path", "/check"),
 *             new Header(":authority", "auth")), null, 1000, response -> {
 *         if (response.status() == 200) {
 *             HttpStream.current().resumeRequest();
 *         } else { // a refusal, or response.failed(): the call broke before a whole answer came
 *             HttpStream.current().sendLocalResponse(LocalResponse.status(403));
 *         }
 *     });
 * } catch (CalloutRefusedException e) { // e.g. Envoy knows no cluster "auth"
 *     stream.sendLocalResponse(LocalResponse.status(403));
 * }
 * return Action.PAUSE;
 * }</pre>
 *
 * <p>What can happen to a call, as Envoy does it:
 * <ul>
 *   <li>Refused: {@link #dispatch} throws {@link CalloutRefusedException} (unknown cluster, missing
 *       pseudo-headers, negative timeout); the callback never runs.
 *   <li>An answer: the callback gets the response, whatever its status. An upstream Envoy cannot
 *       reach answers 503 and a timeout before the answer started 504, both as local replies of
 *       Envoy's router ({@code upstream connect error or disconnect/reset before headers...},
 *       {@code upstream request timeout}).
 *   <li>Failed: the call was reset once the answer had started (a timeout or a broken connection
 *       mid-answer), or the answer exceeded Envoy's 32 MiB buffer. The callback gets a response
 *       with {@link HttpCallResponse#failed()} true, a null status, no headers and no body.
 *   <li>The stream that made the call ended first (the client went away): Envoy still delivers the
 *       answer, but there is no stream left to resume or answer, so the callback does not run.
 * </ul>
 */
public final class HttpCall {
    private static final byte[] EMPTY = new byte[0];

    private HttpCall() {}

    /**
     * Sends the request; {@code headers} must hold {@code :method}, {@code :path} and
     * {@code :authority}. Returns the call's token.
     *
     * @throws CalloutRefusedException if the host refused the call (e.g. an unknown cluster); the
     *     callback will not run
     */
    public static int dispatch(String cluster, List<Header> headers, byte[] body, int timeoutMillis,
            Consumer<HttpCallResponse> onResponse) {
        return dispatch(cluster, headers, body, List.of(), timeoutMillis, onResponse);
    }

    /**
     * As {@link #dispatch(String, List, byte[], int, Consumer)}, with trailers.
     *
     * @throws CalloutRefusedException if the host refused the call; the callback will not run
     */
    public static int dispatch(String cluster, List<Header> headers, byte[] body, List<Header> trailers,
            int timeoutMillis, Consumer<HttpCallResponse> onResponse) {
        int token;
        try {
            token = HostBinding.host().httpCall(Utf8.encode(cluster), HeaderPairs.encode(headers),
                    body == null ? EMPTY : body, HeaderPairs.encode(trailers), timeoutMillis);
        } catch (HostCallException refused) {
            throw new CalloutRefusedException(HostFunction.Names.PROXY_HTTP_CALL, cluster, refused.status(), refused);
        }
        AsyncDispatch.awaitHttpCall(token, CallbackContext.current(), onResponse);
        return token;
    }
}
