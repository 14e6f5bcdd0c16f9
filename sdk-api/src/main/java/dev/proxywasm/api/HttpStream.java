package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.HostBinding;

/**
 * The HTTP stream whose callback is running: its id, the other maps and buffers of the stream,
 * flow control and local replies. Inject it into a callback; it speaks for the stream of the
 * callback it was passed to, while that callback runs.
 */
public final class HttpStream {
    static final HttpStream CURRENT = new HttpStream();

    private HttpStream() {}

    /** The stream of the running callback. */
    public static HttpStream current() {
        return CURRENT;
    }

    /** The host's context id of this stream. */
    public int id() {
        return CallbackContext.current();
    }

    /**
     * Makes stream {@code contextId} the one later host calls act on ({@code proxy_set_effective_context}),
     * e.g. from a tick. Callout and gRPC callbacks need not: they run with their stream current.
     */
    public static void setEffective(int contextId) {
        HostBinding.host().setEffectiveContext(contextId);
        CallbackContext.enter(contextId);
    }

    /** The request headers. */
    public Headers requestHeaders() {
        return Headers.of(MapType.HTTP_REQUEST_HEADERS);
    }

    /** The request trailers. */
    public Headers requestTrailers() {
        return Headers.of(MapType.HTTP_REQUEST_TRAILERS);
    }

    /** The response headers. */
    public Headers responseHeaders() {
        return Headers.of(MapType.HTTP_RESPONSE_HEADERS);
    }

    /** The response trailers. */
    public Headers responseTrailers() {
        return Headers.of(MapType.HTTP_RESPONSE_TRAILERS);
    }

    /** The request body buffered so far. */
    public Body requestBody() {
        return Body.of(BufferType.HTTP_REQUEST_BODY);
    }

    /** The response body buffered so far. */
    public Body responseBody() {
        return Body.of(BufferType.HTTP_RESPONSE_BODY);
    }

    /** Resumes a request this plugin paused. */
    public void resumeRequest() {
        HostBinding.host().continueStream(StreamType.REQUEST.code());
    }

    /** Resumes a response this plugin paused. */
    public void resumeResponse() {
        HostBinding.host().continueStream(StreamType.RESPONSE.code());
    }

    /** Closes (resets) one direction of the stream. */
    public void close(StreamType direction) {
        HostBinding.host().closeStream(direction.code());
    }

    /**
     * Answers the request from the proxy instead of the upstream. Return {@link Action#PAUSE} from
     * the callback afterwards. Sent before the response started, the reply passes through this
     * plugin's own response callbacks; sent from the response headers callback, it replaces the
     * response.
     */
    public void sendLocalResponse(LocalResponse response) {
        response.send();
    }
}
