package dev.proxywasm.emulator;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import java.util.Arrays;
import java.util.List;

/**
 * Envoy's HTTP filter state machine for one plugin: each stream's callbacks in order, with Envoy's
 * rules between them. A body callback sees everything buffered so far; a paused headers callback
 * holds the body until the plugin continues; trailers end the body; what a callback lets through
 * is passed on; local replies follow {@link LocalReplies}; a stream ends with
 * {@code proxy_on_log}, {@code proxy_on_done} and {@code proxy_on_delete}.
 */
public final class HttpStreams {
    private final Vm vm;
    private final EmulatedHost host;
    private final StreamCallbacks callbacks;
    private final LocalReplies replies;

    HttpStreams(Vm vm, EmulatedHost host, StreamCallbacks callbacks, LocalReplies replies) {
        this.vm = vm;
        this.host = host;
        this.callbacks = callbacks;
        this.replies = replies;
    }

    /** Creates an HTTP stream context on the current connection and returns its id. */
    public int open() {
        int id = vm.newContextId();
        host.openStream(id);
        vm.onContextCreate(id, host.rootContextId());
        return id;
    }

    private Stream stream(int id) {
        return host.streams.require(id);
    }

    /** Delivers request headers; {@code endOfStream} means no body follows. */
    public Action requestHeaders(int id, List<Header> headers, boolean endOfStream) {
        Stream stream = stream(id);
        stream.requestHeaders.setAll(headers);
        return deliverRequestHeaders(stream, endOfStream);
    }

    /** Delivers request headers given as raw bytes, name then value (which may be invalid UTF-8). */
    public Action requestHeaderBytes(int id, boolean endOfStream, byte[]... namesAndValues) {
        Stream stream = stream(id);
        stream.requestHeaders.setAll(List.of());
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            stream.requestHeaders.addBytes(namesAndValues[i], namesAndValues[i + 1]);
        }
        return deliverRequestHeaders(stream, endOfStream);
    }

    private Action deliverRequestHeaders(Stream stream, boolean endOfStream) {
        stream.info.requestHeadersReceived = true;
        int count = stream.requestHeaders.size();
        return replies.afterRequestCallback(stream,
                callbacks.headers(stream, true, () -> vm.onRequestHeaders(stream.id, count, endOfStream)));
    }

    /** Delivers a request body chunk; the plugin sees everything buffered so far. */
    public Action requestBody(int id, byte[] chunk, boolean endOfStream) {
        Stream stream = stream(id);
        stream.requestBody.append(chunk);
        if (stream.requestHeadersPaused) {
            return Action.PAUSE;
        }
        Action action = callbacks.run(stream, () -> vm.onRequestBody(id, stream.requestBody.size(), endOfStream));
        if (action == Action.CONTINUE) {
            pass(stream.requestBody, stream.forwardedRequestBody);
        }
        return replies.afterRequestCallback(stream, action);
    }

    /** Delivers request trailers, which end the body: what it buffered goes on with them. */
    public Action requestTrailers(int id, List<Header> trailers) {
        Stream stream = stream(id);
        stream.requestTrailers.setAll(trailers);
        Action action = callbacks.run(stream, () -> vm.onRequestTrailers(id, trailers.size()));
        if (action == Action.CONTINUE) {
            pass(stream.requestBody, stream.forwardedRequestBody);
        }
        return replies.afterRequestCallback(stream, action);
    }

    /** Delivers response headers; {@code endOfStream} means no body follows. */
    public Action responseHeaders(int id, List<Header> headers, boolean endOfStream) {
        Stream stream = stream(id);
        stream.responseStarted = true;
        stream.responseHeaders.setAll(headers);
        stream.info.upstreamResponded(stream.responseHeaders);
        Action action = callbacks.headers(stream, false,
                () -> vm.onResponseHeaders(id, headers.size(), endOfStream));
        LocalReply reply = stream.takePendingReply();
        if (reply != null) {
            replies.replaceResponse(stream, reply);
        }
        return action;
    }

    /** Delivers a response body chunk; the plugin sees everything buffered so far. */
    public Action responseBody(int id, byte[] chunk, boolean endOfStream) {
        Stream stream = stream(id);
        stream.responseBody.append(chunk);
        if (stream.responseHeadersPaused) {
            return Action.PAUSE;
        }
        Action action = callbacks.run(stream, () -> vm.onResponseBody(id, stream.responseBody.size(), endOfStream));
        if (action == Action.CONTINUE) {
            pass(stream.responseBody, stream.forwardedResponseBody);
        }
        stream.takePendingReply();
        return action;
    }

    /** Delivers response trailers, which end the response body as request trailers end the request's. */
    public Action responseTrailers(int id, List<Header> trailers) {
        Stream stream = stream(id);
        stream.responseTrailers.setAll(trailers);
        Action action = callbacks.run(stream, () -> vm.onResponseTrailers(id, trailers.size()));
        if (action == Action.CONTINUE && !stream.responseClosed) {
            pass(stream.responseBody, stream.forwardedResponseBody);
        }
        stream.takePendingReply();
        return action;
    }

    private static void pass(BodyBuffer buffered, BodyBuffer forwarded) {
        forwarded.append(buffered.bytes());
        buffered.clear();
    }

    /**
     * Ends the stream as Envoy does. Its callouts and gRPC calls stay pending, as in Envoy, whose
     * root context owns them: answering one afterwards is the answer that comes after the client
     * went away.
     */
    public void complete(int id) {
        stream(id);
        vm.onLog(id);
        vm.onDone(id);
        vm.onDelete(id);
        host.streams.remove(id);
        host.properties.streamEnded(id);
    }

    /** The request headers as the plugin left them. */
    public List<Header> requestHeaders(int id) {
        return stream(id).requestHeaders.pairs();
    }

    public List<Header> requestTrailers(int id) {
        return stream(id).requestTrailers.pairs();
    }

    /** The response headers as the plugin left them (a local reply's, if one replaced the response). */
    public List<Header> responseHeaders(int id) {
        return stream(id).responseHeaders.pairs();
    }

    public List<Header> responseTrailers(int id) {
        return stream(id).responseTrailers.pairs();
    }

    /** The request body: what was passed upstream plus what is still buffered. */
    public byte[] requestBody(int id) {
        Stream s = stream(id);
        return concat(s.forwardedRequestBody.bytes(), s.requestBody.bytes());
    }

    /** The response body: what was passed downstream plus what is still buffered. */
    public byte[] responseBody(int id) {
        Stream s = stream(id);
        return concat(s.forwardedResponseBody.bytes(), s.responseBody.bytes());
    }

    /** What Envoy has passed downstream of the response body so far, not what the plugin still buffers. */
    public byte[] forwardedResponseBody(int id) {
        return stream(id).forwardedResponseBody.bytes();
    }

    /** The local reply the stream got, after the plugin's own response callbacks saw it; null if none. */
    public LocalReply localReply(int id) {
        return stream(id).localReply;
    }

    /** Whether the plugin closed the request or response direction of the stream. */
    public boolean isClosed(int id) {
        Stream s = stream(id);
        return s.requestClosed || s.responseClosed;
    }

    /** Whether request processing is held after a pause in the request headers callback. */
    public boolean isRequestPaused(int id) {
        return stream(id).requestHeadersPaused;
    }

    /** Whether response processing is held after a pause in the response headers callback. */
    public boolean isResponsePaused(int id) {
        return stream(id).responseHeadersPaused;
    }

    /** The object under {@code key} in the stream's filter state as UTF-8, or null. */
    public String filterState(int id, String key) {
        stream(id);
        return host.properties.filterState(id, key);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
