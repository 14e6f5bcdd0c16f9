package dev.proxywasm.emulator;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import java.util.ArrayList;
import java.util.List;

/**
 * What Envoy does with a local reply the plugin sent: before the response started, the reply goes
 * through the plugin's own response callbacks (which may change it, or replace it with another
 * reply); from the response headers callback it replaces the response directly.
 */
final class LocalReplies {
    private final Vm vm;
    private final StreamCallbacks callbacks;
    private final Streams streams;

    LocalReplies(Vm vm, StreamCallbacks callbacks, Streams streams) {
        this.vm = vm;
        this.callbacks = callbacks;
        this.streams = streams;
    }

    /** After a request-path callback: a pending reply is sent through the response callbacks. */
    Action afterRequestCallback(Stream stream, Action action) {
        LocalReply reply = stream.takePendingReply();
        if (reply == null || stream.responseStarted) {
            return action;
        }
        stream.responseStarted = true;
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(":status", Integer.toString(reply.status())));
        if (reply.body().length > 0) {
            headers.add(new Header("content-length", Integer.toString(reply.body().length)));
            headers.add(new Header("content-type", "text/plain"));
        }
        headers.addAll(reply.headers());
        stream.responseHeaders.setAll(headers);
        stream.responseBody.clear();
        stream.responseBody.append(reply.body());
        boolean headersOnly = reply.body().length == 0;
        int id = stream.id;
        callbacks.headers(stream, false, () -> vm.onResponseHeaders(id, headers.size(), headersOnly));
        if (!headersOnly && !stream.responseHeadersPaused) {
            callbacks.run(stream, () -> vm.onResponseBody(id, stream.responseBody.size(), true));
        }
        LocalReply nested = stream.takePendingReply();
        if (nested != null) {
            replaceResponse(stream, nested);
        }
        stream.forwardedResponseBody.append(stream.responseBody.bytes());
        stream.responseBody.clear();
        stream.localReply = new LocalReply(reply.status(), stream.responseHeaders.pairs(),
                stream.forwardedResponseBody.bytes(), reply.details(), reply.grpcStatus());
        return Action.PAUSE;
    }

    /** From the response headers callback (or within a reply's own callbacks), a reply replaces the response. */
    void replaceResponse(Stream stream, LocalReply reply) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(":status", Integer.toString(reply.status())));
        headers.addAll(reply.headers());
        stream.responseHeaders.setAll(headers);
        stream.responseBody.clear();
        stream.forwardedResponseBody.clear();
        stream.forwardedResponseBody.append(reply.body());
        stream.localReply = reply;
    }

    /**
     * Local replies the plugin sent for a stream from outside that stream's callbacks (a callout's
     * answer, a gRPC event): Envoy sends them as it would from the request path.
     */
    void sendPending() {
        for (Stream stream : streams.all()) {
            if (stream.pendingLocalReply != null) {
                afterRequestCallback(stream, Action.PAUSE);
            }
        }
    }
}
