package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;

/**
 * The answer to an {@link HttpCall}, readable inside its callback. A call that failed (Envoy reset
 * it after the answer had started, or the answer exceeded its buffer) arrives without headers,
 * body or trailers: {@link #failed()} is true, {@link #status()} -1, {@link #headers()} and
 * {@link #trailers()} are empty and {@link #body()} is empty, without asking the host, which has
 * none to give.
 */
public final class HttpCallResponse {
    private final int token;
    private final int headerCount;
    private final int bodySize;
    private final int trailerCount;

    private HttpCallResponse(int token, int headerCount, int bodySize, int trailerCount) {
        this.token = token;
        this.headerCount = headerCount;
        this.bodySize = bodySize;
        this.trailerCount = trailerCount;
    }

    /** The answer the host is delivering now; for the SDK's dispatcher. */
    public static HttpCallResponse current(int token, int headerCount, int bodySize, int trailerCount) {
        return new HttpCallResponse(token, headerCount, bodySize, trailerCount);
    }

    /** The token {@link HttpCall#dispatch} returned. */
    public int token() {
        return token;
    }

    /**
     * Whether the call failed: Envoy delivers a reset or an oversized answer without headers. An
     * upstream that cannot be reached or does not answer in time is not a failure in Envoy: its
     * router answers 503 or 504 itself.
     */
    public boolean failed() {
        return headerCount == 0;
    }

    /** The {@code :status}, or -1 if the call failed or the status is absent or not a number. */
    public int status() {
        if (failed()) {
            return -1;
        }
        String status = headers().get(":status");
        try {
            return status == null ? -1 : Integer.parseInt(status.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The response headers; empty if the call failed. */
    public Headers headers() {
        return failed() ? Headers.absent(MapType.HTTP_CALL_RESPONSE_HEADERS)
                : Headers.of(MapType.HTTP_CALL_RESPONSE_HEADERS);
    }

    /**
     * The response trailers; empty if there are none (Envoy then has no trailer map, and would
     * refuse to read one).
     */
    public Headers trailers() {
        return trailerCount == 0 ? Headers.absent(MapType.HTTP_CALL_RESPONSE_TRAILERS)
                : Headers.of(MapType.HTTP_CALL_RESPONSE_TRAILERS);
    }

    /** The whole body; empty if there is none or the call failed. */
    public byte[] body() {
        return Body.of(BufferType.HTTP_CALL_RESPONSE_BODY).read(0, bodySize);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return Utf8.decode(body());
    }

    /** How many trailers came. */
    public int trailerCount() {
        return trailerCount;
    }
}
