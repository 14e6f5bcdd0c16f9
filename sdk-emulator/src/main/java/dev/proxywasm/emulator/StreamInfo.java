package dev.proxywasm.emulator;

/**
 * What Envoy's stream info holds about one stream besides its headers and bodies: when it started,
 * its connection and protocol, and the response code and its details once there is a response.
 * {@link EnvoyAttributes} derives attributes from it.
 */
final class StreamInfo {
    final long startTimeNanos;
    final Downstream downstream;
    final String protocol;
    /** Whether the request headers were delivered: {@code request.*} exists from then on. */
    boolean requestHeadersReceived;
    /** The response code, -1 before there is one. */
    int responseCode = -1;
    String responseCodeDetails;

    StreamInfo(long startTimeNanos, Downstream downstream, String protocol) {
        this.startTimeNanos = startTimeNanos;
        this.downstream = downstream;
        this.protocol = protocol;
    }

    /** The upstream answered with {@code headers}: Envoy records its {@code :status}, "via_upstream". */
    void upstreamResponded(HeaderMap headers) {
        String status = headers.get(":status");
        try {
            responseCode = status == null ? -1 : Integer.parseInt(status.trim());
        } catch (NumberFormatException e) {
            responseCode = -1;
        }
        responseCodeDetails = "via_upstream";
    }

    /** The plugin sent a local reply: Envoy records its status and details at once. */
    void localReply(int status, String details) {
        responseCode = status;
        responseCodeDetails = details;
    }
}
