package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.BoundContexts;

/**
 * One HTTP stream: its maps and buffers, flow control and local replies. Injected into a stream's
 * callbacks, or {@link #current()}; the handle is bound to its stream, whichever callback uses it.
 * Keep it to act on the stream later: a tick resumes a request it paused through the stream's own
 * handle. Once the stream has ended (the host deleted it) every method that acts on it throws
 * {@link IllegalStateException}: keep values, not handles, beyond a stream.
 *
 * <p>A stream has one handle, the same object in each of its callbacks, so it can be a key.
 */
public interface HttpStream {
    /**
     * The stream whose callback is running, including a callout's or gRPC call's callback made from
     * a stream.
     *
     * @throws IllegalStateException outside the callbacks of an HTTP stream (in a plugin-wide
     *     callback such as a tick, keep the stream's handle instead)
     */
    static HttpStream current() {
        return BoundContexts.current().httpStream();
    }

    /** The host's context id of this stream, for log lines; no method takes it. */
    int id();

    /** The request headers. */
    Headers requestHeaders();

    /** The request trailers. */
    Headers requestTrailers();

    /** The response headers. */
    Headers responseHeaders();

    /** The response trailers. */
    Headers responseTrailers();

    /** The request body buffered so far. */
    Body requestBody();

    /** The response body buffered so far. */
    Body responseBody();

    /** Resumes a request this plugin paused. */
    void resumeRequest();

    /** Resumes a response this plugin paused. */
    void resumeResponse();

    /** Resets the stream from the request side ({@code proxy_close_stream}). */
    void closeRequest();

    /** Resets the stream from the response side, e.g. when part of a response is already on its way. */
    void closeResponse();

    /**
     * Answers the request from the proxy instead of the upstream. Return {@link Action#PAUSE} from
     * the callback afterwards. Sent before the response started, the reply passes through this
     * plugin's own response callbacks; sent from the response headers callback, it replaces the
     * response.
     */
    void sendLocalResponse(LocalResponse response);
}
