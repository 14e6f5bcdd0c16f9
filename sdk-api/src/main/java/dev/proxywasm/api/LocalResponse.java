package dev.proxywasm.api;

import dev.proxywasm.runtime.WireCodes;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.LocalReplies;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply the proxy sends itself ({@code proxy_send_local_response}); build it, then pass it to
 * {@link HttpStream#sendLocalResponse}.
 *
 * <pre>{@code
 * stream.sendLocalResponse(LocalResponse.status(403)
 *         .addHeader("content-type", "text/plain")
 *         .setBody("forbidden")
 *         .setDetails("auth_denied"));
 * }</pre>
 */
public final class LocalResponse {
    private static final byte[] EMPTY = new byte[0];

    static {
        // The runtime sends a reply through this; the reply's parts stay private to the author API.
        LocalReplies.register(LocalResponse::send);
    }

    private final int status;
    private final List<Header> headers = new ArrayList<>();
    private byte[] body = EMPTY;
    private byte[] details = EMPTY;
    private int grpcStatus = -1;

    private LocalResponse(int status) {
        this.status = status;
    }

    /** A reply with this HTTP status code. */
    public static LocalResponse status(int status) {
        return new LocalResponse(status);
    }

    /** Adds a response header. */
    public LocalResponse addHeader(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** Sets the body (copied). */
    public LocalResponse setBody(byte[] bytes) {
        body = bytes.clone();
        return this;
    }

    /** Sets the body to {@code text} in UTF-8. */
    public LocalResponse setBody(String text) {
        body = Utf8.encode(text);
        return this;
    }

    /** Sets the response code details Envoy writes to access logs ({@code %RESPONSE_CODE_DETAILS%}). */
    public LocalResponse setDetails(String text) {
        details = Utf8.encode(text);
        return this;
    }

    /** Makes it a gRPC reply ending with {@code status} (Envoy sends it as {@code grpc-status}). */
    public LocalResponse setGrpcStatus(GrpcStatus status) {
        grpcStatus = WireCodes.code(status);
        return this;
    }

    private void send(Host host) {
        host.sendLocalResponse(status, details, body, HeaderPairs.encode(headers), grpcStatus);
    }
}
