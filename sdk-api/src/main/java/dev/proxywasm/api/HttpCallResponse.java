package dev.proxywasm.api;

import dev.proxywasm.api.abi.BufferType;
import dev.proxywasm.api.abi.MapType;

/**
 * The answer to an {@link HttpCall}, readable inside its callback. No headers at all means the
 * call failed (timeout, reset, unknown cluster).
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

    /** Whether the call failed before any response (no headers). */
    public boolean failed() {
        return headerCount == 0;
    }

    /** The {@code :status}, or -1 if absent or not a number. */
    public int status() {
        String status = headers().get(":status");
        try {
            return status == null ? -1 : Integer.parseInt(status.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public Headers headers() {
        return Headers.of(MapType.HTTP_CALL_RESPONSE_HEADERS);
    }

    public Headers trailers() {
        return Headers.of(MapType.HTTP_CALL_RESPONSE_TRAILERS);
    }

    /** The whole body. */
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
