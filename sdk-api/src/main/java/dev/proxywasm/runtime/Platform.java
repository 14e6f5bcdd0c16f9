package dev.proxywasm.runtime;

/**
 * What the generated glue needs from the backend it runs on. This is the JVM's version, where the
 * emulator binds itself as the host before any callback; the WebAssembly build substitutes the
 * backend's own class of the same shape (see the TeaVM runtime's {@code META-INF/teavm.properties}).
 */
public final class Platform {
    private Platform() {}

    /** Makes sure a host is bound before the first callback reaches the API. */
    public static void bindHost() {
        if (!HostBinding.isBound()) {
            throw new IllegalStateException(
                    "no proxy-wasm host is bound: run the plugin in the SDK's emulator or as a WebAssembly module");
        }
    }

    /** Allocates {@code size} bytes of linear memory for the host; there is none on the JVM. */
    public static int allocate(int size) {
        throw new UnsupportedOperationException("linear memory exists only in the WebAssembly module");
    }

    /**
     * Widens the leading ASCII bytes of {@code src[from, from + length)} into {@code dst} from index
     * 0; returns how many. On the JVM none: the caller's own loop decodes every byte. The
     * WebAssembly build widens eight at a time.
     */
    public static int widenAscii(byte[] src, int from, int length, char[] dst) {
        return 0;
    }
}
