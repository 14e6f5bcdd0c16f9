package dev.proxywasm.runtime;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.StreamType;

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
        return context.headers(MapType.HTTP_REQUEST_HEADERS.code());
    }

    @Override
    public Headers requestTrailers() {
        return context.headers(MapType.HTTP_REQUEST_TRAILERS.code());
    }

    @Override
    public Headers responseHeaders() {
        return context.headers(MapType.HTTP_RESPONSE_HEADERS.code());
    }

    @Override
    public Headers responseTrailers() {
        return context.headers(MapType.HTTP_RESPONSE_TRAILERS.code());
    }

    @Override
    public Body requestBody() {
        return context.body(BufferType.HTTP_REQUEST_BODY.code());
    }

    @Override
    public Body responseBody() {
        return context.body(BufferType.HTTP_RESPONSE_BODY.code());
    }

    @Override
    public void resumeRequest() {
        context.host().continueStream(StreamType.REQUEST.code());
    }

    @Override
    public void resumeResponse() {
        context.host().continueStream(StreamType.RESPONSE.code());
    }

    @Override
    public void closeRequest() {
        context.host().closeStream(StreamType.REQUEST.code());
    }

    @Override
    public void closeResponse() {
        context.host().closeStream(StreamType.RESPONSE.code());
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
