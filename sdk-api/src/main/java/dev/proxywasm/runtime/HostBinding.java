package dev.proxywasm.runtime;

/**
 * Holds the {@link Host} the API views talk to. The WebAssembly glue binds the real host on the
 * first context; the test emulator binds itself before it calls the glue on the JVM.
 */
public final class HostBinding {
    private static Host host;

    private HostBinding() {}

    /** The bound host. */
    public static Host host() {
        Host h = host;
        if (h == null) {
            throw new IllegalStateException("no proxy-wasm host is bound");
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
