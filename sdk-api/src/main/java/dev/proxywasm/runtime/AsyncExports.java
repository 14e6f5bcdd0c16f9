package dev.proxywasm.runtime;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.runtime.AsyncDispatch;
import dev.proxywasm.runtime.CallbackContext;

/**
 * The export that delivers answers to HTTP callouts. The WebAssembly build exports a class's
 * {@code @Export} methods only when the class is reached, and {@link #link()} is called only from the
 * host call that starts a callout: a module that never calls out does not carry it ({@link GrpcExports}
 * does the same for gRPC calls, so a module with callouts alone carries no gRPC dispatch).
 */
public final class AsyncExports {
    private AsyncExports() {}

    /** Makes this export part of the module; the host call that needs it calls it. */
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
}
