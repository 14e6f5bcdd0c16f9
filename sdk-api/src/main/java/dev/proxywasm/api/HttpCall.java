package dev.proxywasm.api;

import dev.proxywasm.spi.AsyncDispatch;
import dev.proxywasm.spi.CallbackContext;
import dev.proxywasm.spi.HeaderPairs;
import dev.proxywasm.spi.HostBinding;
import java.util.List;
import java.util.function.Consumer;

/**
 * An HTTP request to an upstream cluster ({@code proxy_http_call}). The callback runs when the
 * answer arrives, with the dispatching stream current again: pause the stream, dispatch, and
 * resume it from the callback.
 *
 * <pre>{@code
 * HttpCall.dispatch("auth", List.of(new Header(":method", "GET"), new Header(":path", "/check"),
 *         new Header(":authority", "auth")), null, 1000, response -> {
 *     if (response.status() == 200) stream.resumeRequest(); else stream.sendLocalResponse(LocalResponse.status(403));
 * });
 * return Action.PAUSE;
 * }</pre>
 */
public final class HttpCall {
    private static final byte[] EMPTY = new byte[0];

    private HttpCall() {}

    /**
     * Sends the request; {@code headers} must hold {@code :method}, {@code :path} and
     * {@code :authority}. Returns the call's token.
     */
    public static int dispatch(String cluster, List<Header> headers, byte[] body, int timeoutMillis,
            Consumer<HttpCallResponse> onResponse) {
        return dispatch(cluster, headers, body, List.of(), timeoutMillis, onResponse);
    }

    /** As {@link #dispatch(String, List, byte[], int, Consumer)}, with trailers. */
    public static int dispatch(String cluster, List<Header> headers, byte[] body, List<Header> trailers,
            int timeoutMillis, Consumer<HttpCallResponse> onResponse) {
        int token = HostBinding.host().httpCall(Utf8.encode(cluster), HeaderPairs.encode(headers),
                body == null ? EMPTY : body, HeaderPairs.encode(trailers), timeoutMillis);
        AsyncDispatch.awaitHttpCall(token, CallbackContext.current(), onResponse);
        return token;
    }
}
