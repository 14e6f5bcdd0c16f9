package dev.proxywasm.teavm;

import dev.proxywasm.teavm.host.WasmHost;
import dev.proxywasm.teavm.memory.Ascii;
import dev.proxywasm.teavm.memory.GuestMemory;

/**
 * The WebAssembly build's {@code dev.proxywasm.runtime.Platform}: TeaVM compiles this class in its
 * place ({@code mapClass} in {@code META-INF/teavm.properties}), so the glue compiled against the
 * neutral API reaches the proxy-wasm imports and linear memory. Same methods, same signatures.
 */
public final class TeaVmPlatform {
    private TeaVmPlatform() {}

    /** Binds the imports-backed host on the first callback. */
    public static void bindHost() {
        WasmHost.bindIfUnbound();
    }

    /** Allocates {@code size} bytes that the host may write into. */
    public static int allocate(int size) {
        return GuestMemory.allocate(size);
    }

    /** The leading ASCII bytes widened into chars ({@link Ascii#widen}); returns how many. */
    public static int widenAscii(byte[] src, int from, int length, char[] dst) {
        return Ascii.widen(src, from, length, dst);
    }
}
