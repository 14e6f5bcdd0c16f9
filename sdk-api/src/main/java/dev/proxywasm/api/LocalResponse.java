package dev.proxywasm.api;

import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply the proxy sends itself ({@code proxy_send_local_response}); build it, then pass it to
 * {@link HttpStream#sendLocalResponse}.
 *
 * <pre>{@code
 * stream.sendLocalResponse(LocalResponse.status(403)
 *         .header("content-type", "text/plain")
 *         .body("forbidden")
 *         .details("auth_denied"));
 * }</pre>
 */
public final class LocalResponse {
    private static final byte[] EMPTY = new byte[0];

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
    public LocalResponse header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** Sets the body. */
    public LocalResponse body(byte[] bytes) {
        body = bytes.clone();
        return this;
    }

    /** Sets the body to {@code text} in UTF-8. */
    public LocalResponse body(String text) {
        body = Utf8.encode(text);
        return this;
    }

    /** Sets the response code details Envoy writes to access logs ({@code %RESPONSE_CODE_DETAILS%}). */
    public LocalResponse details(String text) {
        details = Utf8.encode(text);
        return this;
    }

    /** Makes it a gRPC reply with this gRPC status. */
    public LocalResponse grpcStatus(int code) {
        grpcStatus = code;
        return this;
    }

    void send() {
        HostBinding.host().sendLocalResponse(status, details, body, HeaderPairs.encode(headers), grpcStatus);
    }
}
