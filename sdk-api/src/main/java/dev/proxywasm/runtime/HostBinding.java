package dev.proxywasm.runtime;

/**
 * Holds the {@link Host} the API talks to. The WebAssembly glue binds the real host on the first
 * context; the test emulator binds itself before it calls the glue on the JVM.
 *
 * <p>Both accessors first make the host act on the right context: {@link #host()} on the running
 * callback's, {@link #hostFor} on a handle's. Each costs one int compare while the host already
 * acts there.
 */
public final class HostBinding {
    private static Host host;

    private HostBinding() {}

    /** The bound host, acting on the running callback's context. */
    public static Host host() {
        return hostFor(CallbackContext.current());
    }

    /**
     * The bound host, acting on context {@code contextId} ({@code proxy_set_effective_context} when
     * it acts on another one). Context 0 (outside callbacks) leaves the host as it is.
     *
     * @throws HostCallException if the host does not know the context ({@code BadArgument})
     */
    public static Host hostFor(int contextId) {
        Host h = host;
        if (h == null) {
            throw new IllegalStateException("no proxy-wasm host is bound");
        }
        if (CallbackContext.effective() != contextId && contextId != 0) {
            h.setEffectiveContext(contextId);
            CallbackContext.effective(contextId);
        }
        return h;
    }

    /** Whether a host is bound. */
    public static boolean isBound() {
        return host != null;
    }

    /** Binds {@code newHost}, or unbinds with {@code null}. */
    public static void bind(Host newHost) {
        host = newHost;
    }
}
