package dev.proxywasm.runtime;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.runtime.AsyncDispatch;
import dev.proxywasm.runtime.CallbackContext;

/**
 * The exports that deliver answers to HTTP callouts and gRPC calls. The WebAssembly build exports a class's
 * {@code @Export} methods only when the class is reached, and {@link #link()} is called only from the
 * host calls that start a callout or gRPC call: a module that never calls out does not carry them.
 */
public final class AsyncExports {
    private AsyncExports() {}

    /** Makes these exports part of the module; the host calls that need them call it. */
    public static void link() {
        // Reaching this class is the point.
    }

    @Export(name = GuestExport.Names.PROXY_ON_HTTP_CALL_RESPONSE)
    public static void proxyOnHttpCallResponse(int rootContextId, int token, int headerCount, int bodySize,
            int trailerCount) {
        int previous = CallbackContext.enter(rootContextId);
        try {
            AsyncDispatch.httpCallResponse(token, headerCount, bodySize, trailerCount);
        } catch (Throwable e) {
            Guard.asyncFailed(GuestExport.Names.PROXY_ON_HTTP_CALL_RESPONSE, e);
        }
        CallbackContext.exit(previous);
    }

    @Export(name = GuestExport.Names.PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA)
    public static void proxyOnGrpcReceiveInitialMetadata(int rootContextId, int token, int count) {
        int previous = CallbackContext.enter(rootContextId);
        try {
            AsyncDispatch.grpcInitialMetadata(token, count);
        } catch (Throwable e) {
            Guard.asyncFailed(GuestExport.Names.PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA, e);
        }
        CallbackContext.exit(previous);
    }

    @Export(name = GuestExport.Names.PROXY_ON_GRPC_RECEIVE)
    public static void proxyOnGrpcReceive(int rootContextId, int token, int messageSize) {
        int previous = CallbackContext.enter(rootContextId);
        try {
            AsyncDispatch.grpcMessage(token, messageSize);
        } catch (Throwable e) {
            Guard.asyncFailed(GuestExport.Names.PROXY_ON_GRPC_RECEIVE, e);
        }
        CallbackContext.exit(previous);
    }

    @Export(name = GuestExport.Names.PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA)
    public static void proxyOnGrpcReceiveTrailingMetadata(int rootContextId, int token, int count) {
        int previous = CallbackContext.enter(rootContextId);
        try {
            AsyncDispatch.grpcTrailingMetadata(token, count);
        } catch (Throwable e) {
            Guard.asyncFailed(GuestExport.Names.PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA, e);
        }
        CallbackContext.exit(previous);
    }

    @Export(name = GuestExport.Names.PROXY_ON_GRPC_CLOSE)
    public static void proxyOnGrpcClose(int rootContextId, int token, int status) {
        int previous = CallbackContext.enter(rootContextId);
        try {
            AsyncDispatch.grpcClose(token, status);
        } catch (Throwable e) {
            Guard.asyncFailed(GuestExport.Names.PROXY_ON_GRPC_CLOSE, e);
        }
        CallbackContext.exit(previous);
    }
}
