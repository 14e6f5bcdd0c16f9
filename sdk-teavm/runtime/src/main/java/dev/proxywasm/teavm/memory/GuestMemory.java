package dev.proxywasm.teavm.memory;

import org.teavm.interop.Address;

/**
 * The guest side of the ABI's memory exchange, made safe for TeaVM's compacting GC.
 *
 * <p>Host → guest: when a host function returns data it first calls our allocator export
 * ({@code malloc} / {@code proxy_on_memory_allocate}), which creates a {@code byte[]}, records it
 * under its data address and returns that address; the host writes into it and stores the address
 * in an out-parameter. The caller then takes the array back by that address ({@link #take}) and
 * never reads linear memory at it: a GC after the host's write may have moved the array, but the
 * recorded reference moves with it.
 *
 * <p>Guest → host: pass {@link #address(byte[])} of an array held in a local variable until the
 * host function returns (TeaVM does not move objects referenced from frames that are in a call).
 * The host reads every input before it calls the allocator. The allocator never calls the host:
 * Envoy forbids host calls while it is inside it.
 */
public final class GuestMemory {
    private static final IntObjectMap<byte[]> PENDING = new IntObjectMap<>();
    private static final byte[] EMPTY = new byte[0];
    /** Room left for the array header, alignment and the bookkeeping that follows an allocation. */
    private static final long ALLOCATION_SLACK = 64 * 1024;

    private GuestMemory() {}

    /**
     * The allocator export's body: a fresh array of {@code size} bytes, recorded until taken; 0
     * when it is larger than the heap can ever hold. TeaVM's out-of-memory is a trap
     * that would fail the VM, so a host asking for more than fits (a 200 MB body under a 128 MB
     * heap) gets 0, which it reports to the caller as a failed host call instead.
     */
    public static int allocate(int size) {
        if (size < 0 || !fits(size)) {
            return 0;
        }
        byte[] data = new byte[size];
        int address = Address.ofData(data).toInt();
        PENDING.put(address, data);
        return address;
    }

    /**
     * The array the host filled at {@code address}; {@code address} 0 is an empty result. Its
     * length is the allocation size, which is the size the host reported.
     */
    public static byte[] take(int address, int size) {
        if (address == 0) {
            return EMPTY;
        }
        byte[] data = PENDING.remove(address);
        if (data == null) {
            throw new IllegalStateException("host returned address " + address + " that the allocator did not hand out");
        }
        if (size != data.length) {
            byte[] exact = new byte[Math.max(0, Math.min(size, data.length))];
            System.arraycopy(data, 0, exact, 0, exact.length);
            return exact;
        }
        return data;
    }

    private static boolean fits(int size) {
        return (long) size + ALLOCATION_SLACK <= maxHeapBytes();
    }

    /**
     * The heap limit the module was compiled with. The build replaces this body with the constant
     * (calling TeaVM's own {@code GC} from plugin code to read the limit corrupted the heap in tests).
     */
    static long maxHeapBytes() {
        return Long.MAX_VALUE;
    }

    /** The data address of {@code data}, to pass to a host function. */
    public static int address(byte[] data) {
        return Address.ofData(data).toInt();
    }

    /** The data address of {@code data}, to pass as an out-parameter. */
    public static int address(int[] data) {
        return Address.ofData(data).toInt();
    }

    /** The data address of {@code data}, to pass as a 64-bit out-parameter. */
    public static int address(long[] data) {
        return Address.ofData(data).toInt();
    }
}
