package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;

/** {@link HttpStream} of one context. */
public final class BoundHttpStream implements HttpStream {
    private final BoundContext context;

    BoundHttpStream(BoundContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return context.id;
    }

    @Override
    public Headers requestHeaders() {
        return context.headers(AbiCodes.MAP_HTTP_REQUEST_HEADERS);
    }

    @Override
    public Headers requestTrailers() {
        return context.headers(AbiCodes.MAP_HTTP_REQUEST_TRAILERS);
    }

    @Override
    public Headers responseHeaders() {
        return context.headers(AbiCodes.MAP_HTTP_RESPONSE_HEADERS);
    }

    @Override
    public Headers responseTrailers() {
        return context.headers(AbiCodes.MAP_HTTP_RESPONSE_TRAILERS);
    }

    @Override
    public Body requestBody() {
        return context.body(AbiCodes.BUFFER_HTTP_REQUEST_BODY);
    }

    @Override
    public Body responseBody() {
        return context.body(AbiCodes.BUFFER_HTTP_RESPONSE_BODY);
    }

    @Override
    public void resumeRequest() {
        context.host().continueStream(AbiCodes.STREAM_REQUEST);
    }

    @Override
    public void resumeResponse() {
        context.host().continueStream(AbiCodes.STREAM_RESPONSE);
    }

    @Override
    public void closeRequest() {
        context.host().closeStream(AbiCodes.STREAM_REQUEST);
    }

    @Override
    public void closeResponse() {
        context.host().closeStream(AbiCodes.STREAM_RESPONSE);
    }

    @Override
    public void sendLocalResponse(LocalResponse response) {
        LocalReplies.send(response, context.host());
    }

    @Override
    public String toString() {
        return context.describe();
    }
}
