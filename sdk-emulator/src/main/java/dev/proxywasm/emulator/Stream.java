package dev.proxywasm.emulator;

/**
 * The state of one HTTP stream or TCP connection, as Envoy's filter manager holds it: its header
 * maps, what it buffers for the plugin and what it passed on, and whether it is paused, closed or
 * answered locally. The driving rules are in {@link HttpStreams} and {@link TcpConnections}.
 */
final class Stream {
    final int id;
    final StreamInfo info;
    final HeaderMap requestHeaders = new HeaderMap();
    final HeaderMap requestTrailers = new HeaderMap();
    final HeaderMap responseHeaders = new HeaderMap();
    final HeaderMap responseTrailers = new HeaderMap();
    final BodyBuffer requestBody = new BodyBuffer();
    final BodyBuffer responseBody = new BodyBuffer();
    /** Request body (or downstream data) the plugin let through. */
    final BodyBuffer forwardedRequestBody = new BodyBuffer();
    /** Response body (or upstream data) the plugin let through. */
    final BodyBuffer forwardedResponseBody = new BodyBuffer();
    final BodyBuffer downstreamData = new BodyBuffer();
    final BodyBuffer upstreamData = new BodyBuffer();
    boolean downstreamClosed;
    boolean upstreamClosed;
    boolean requestHeadersPaused;
    boolean responseHeadersPaused;
    boolean responseStarted;
    boolean requestClosed;
    boolean responseClosed;
    /** The local reply the stream got, as the client sees it. */
    LocalReply localReply;
    /** A local reply the plugin sent that the filter chain has not acted on yet. */
    LocalReply pendingLocalReply;

    Stream(int id, StreamInfo info) {
        this.id = id;
        this.info = info;
    }

    /** Takes the local reply waiting to be acted on, if any. */
    LocalReply takePendingReply() {
        LocalReply reply = pendingLocalReply;
        pendingLocalReply = null;
        return reply;
    }
}
