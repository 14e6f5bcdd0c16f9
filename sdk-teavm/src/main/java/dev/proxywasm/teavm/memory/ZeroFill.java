package dev.proxywasm.teavm.memory;

import org.teavm.interop.Address;
import org.teavm.interop.Unmanaged;

/**
 * Zeroes a new object's memory, for TeaVM's allocator after the Maven plugin's rewrite. The
 * allocator zeroed every object with {@code memory.fill}, which V8 runs as a call out of the module:
 * about 4 ns whatever the size, while most objects a plugin makes per request (strings, their chars,
 * small arrays) are a few dozen bytes that a few stores clear in about 1 ns.
 */
public final class ZeroFill {
    /** Above this many bytes {@code memory.fill} is as fast as the stores. */
    static final int STORES_UP_TO = 64;

    private ZeroFill() {}

    @Unmanaged
    public static void fill(Address address, int size) {
        if (size > STORES_UP_TO) {
            Address.fillZero(address, size);
            return;
        }
        int i = 0;
        for (; i + 8 <= size; i += 8) {
            address.add(i).putLong(0);
        }
        for (; i < size; i++) {
            address.add(i).putByte((byte) 0);
        }
    }
}
