package dev.proxywasm.teavm;

import dev.proxywasm.teavm.host.WasmHost;
import dev.proxywasm.teavm.memory.GuestMemory;
import org.teavm.interop.Address;

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

    /**
     * Widens the leading ASCII bytes eight at a time (one 8-byte load, one test, two 8-byte stores),
     * then the last few one at a time: header names and values are nearly always ASCII, and TeaVM
     * compiles the decoder's loop with a bounds check on each side of every byte.
     */
    public static int widenAscii(byte[] src, int from, int length, char[] dst) {
        Address bytes = Address.ofData(src).add(from);
        Address chars = Address.ofData(dst);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long eight = bytes.add(i).getLong();
            if ((eight & 0x8080808080808080L) != 0) {
                break;
            }
            chars.add(i * 2).putLong(widen(eight & 0xFFFFFFFFL));
            chars.add(i * 2 + 8).putLong(widen(eight >>> 32));
        }
        for (; i < length; i++) {
            byte b = bytes.add(i).getByte();
            if (b < 0) {
                break;
            }
            chars.add(i * 2).putChar((char) b);
        }
        return i;
    }

    /** Four bytes in the low half, each moved to the low byte of its own 16-bit lane. */
    private static long widen(long four) {
        return four & 0xFF | (four & 0xFF00) << 8 | (four & 0xFF0000) << 16 | (four & 0xFF000000L) << 24;
    }
}
