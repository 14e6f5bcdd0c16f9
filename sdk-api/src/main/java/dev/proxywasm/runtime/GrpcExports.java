package dev.proxywasm.runtime;

import dev.proxywasm.abi.GuestExport;

/**
 * The exports that deliver a gRPC call's metadata, messages and close. Like {@link AsyncExports},
 * they are part of a module only when {@link #link()} is reached, from the host calls that start a
 * gRPC call or stream: a module that only makes HTTP callouts carries neither them nor what they
 * reach (the gRPC dispatch, the {@code GrpcStatus} table).
 */
public final class GrpcExports {
    private GrpcExports() {}

    /** Makes these exports part of the module; the host calls that need them call it. */
    public static void link() {
        // Reaching this class is the point.
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
