package dev.proxywasm.runtime;

/**
 * A callout or gRPC callback threw. Carries the context the callback ran on, so that the runtime
 * can fail the stream that made the call rather than the root context the host delivered it to.
 */
public final class AsyncCallbackFailure extends RuntimeException {
    private final int contextId;

    AsyncCallbackFailure(int contextId, Throwable cause) {
        super(cause);
        this.contextId = contextId;
    }

    /** The context that made the call: a stream, or the root context. */
    public int contextId() {
        return contextId;
    }
}
