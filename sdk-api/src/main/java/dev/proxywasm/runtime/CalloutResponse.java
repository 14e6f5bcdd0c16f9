package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpCallResponse;
import dev.proxywasm.api.Utf8;

/**
 * {@link HttpCallResponse} of the answer the host is delivering, read through the context the
 * callback runs on (the stream that made the call, or the plugin's root context).
 */
final class CalloutResponse implements HttpCallResponse {
    private final BoundContext context;
    private final int token;
    private final int headerCount;
    private final int bodySize;
    private final int trailerCount;

    CalloutResponse(BoundContext context, int token, int headerCount, int bodySize, int trailerCount) {
        this.context = context;
        this.token = token;
        this.headerCount = headerCount;
        this.bodySize = bodySize;
        this.trailerCount = trailerCount;
    }

    @Override
    public int token() {
        return token;
    }

    @Override
    public boolean failed() {
        return headerCount == 0;
    }

    @Override
    public Integer status() {
        if (failed()) {
            return null;
        }
        String status = headers().get(":status");
        return status == null ? null : Integers.parseInt(status.trim());
    }

    @Override
    public Headers headers() {
        int map = AbiCodes.MAP_HTTP_CALL_RESPONSE_HEADERS;
        return failed() ? context.absentHeaders(map) : context.headers(map);
    }

    @Override
    public Headers trailers() {
        int map = AbiCodes.MAP_HTTP_CALL_RESPONSE_TRAILERS;
        return trailerCount == 0 ? context.absentHeaders(map) : context.headers(map);
    }

    @Override
    public int trailerCount() {
        return trailerCount;
    }

    @Override
    public byte[] bytes() {
        return context.body(AbiCodes.BUFFER_HTTP_CALL_RESPONSE_BODY).bytes(0, bodySize);
    }

    @Override
    public String text() {
        return Utf8.decode(bytes());
    }
}
