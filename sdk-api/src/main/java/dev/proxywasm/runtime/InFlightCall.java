package dev.proxywasm.runtime;

import dev.proxywasm.api.GrpcCall;
import dev.proxywasm.api.HttpCallResponse;
import java.util.function.Consumer;

/**
 * A callout or gRPC call waiting for its answers: the context that made it and what runs them. One
 * class for both kinds, so a module that makes either carries one class record, not two.
 */
final class InFlightCall {
    final int contextId;
    final Consumer<HttpCallResponse> callback;
    final GrpcCall call;
    final GrpcCall.Handler handler;

    private InFlightCall(int contextId, Consumer<HttpCallResponse> callback, GrpcCall call,
            GrpcCall.Handler handler) {
        this.contextId = contextId;
        this.callback = callback;
        this.call = call;
        this.handler = handler;
    }

    /** An HTTP callout whose response goes to {@code callback}. */
    static InFlightCall http(int contextId, Consumer<HttpCallResponse> callback) {
        return new InFlightCall(contextId, callback, null, null);
    }

    /** A gRPC call or stream whose events go to {@code handler}. */
    static InFlightCall grpc(int contextId, GrpcCall call, GrpcCall.Handler handler) {
        return new InFlightCall(contextId, null, call, handler);
    }
}
