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
 *
 * <p>Nothing the allocator hands out outlives the host call it was handed out in. A call can fail
 * after the host called the allocator (proxy-wasm-cpp-host when it cannot store the address, Envoy's
 * foreign functions when they fail after producing output) and then reports no address: the caller
 * notes {@link #mark()} before the call and {@link #release(int)}s what is still pending after it,
 * whatever the call returned. Recorded arrays are a stack in allocation order, so a call nested in
 * another (a callback the host runs during a call) releases only its own.
 */
public final class GuestMemory {
    private static final byte[] EMPTY = new byte[0];
    /** Room left for the array header, alignment and the bookkeeping that follows an allocation. */
    private static final long ALLOCATION_SLACK = 64 * 1024;
    /** The arrays handed out and not yet taken or released, in allocation order, and their addresses. */
    private static byte[][] pending = new byte[4][];
    private static int[] pendingAddresses = new int[4];
    private static int pendingCount;

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
        if (pendingCount == pending.length) {
            // Grow before the array exists: nothing may be allocated between taking its address and
            // returning it.
            byte[][] arrays = new byte[pendingCount * 2][];
            int[] addresses = new int[pendingCount * 2];
            System.arraycopy(pending, 0, arrays, 0, pendingCount);
            System.arraycopy(pendingAddresses, 0, addresses, 0, pendingCount);
            pending = arrays;
            pendingAddresses = addresses;
        }
        byte[] data = new byte[size];
        int address = Address.ofData(data).toInt();
        pending[pendingCount] = data;
        pendingAddresses[pendingCount] = address;
        pendingCount++;
        return address;
    }

    /** Where the pending arrays stand before a host call, for {@link #release(int)} after it. */
    public static int mark() {
        return pendingCount;
    }

    /**
     * Forgets every array handed out since {@code mark} and not taken: the host call that began there
     * has returned, so nobody will ask for them. They become garbage.
     */
    public static void release(int mark) {
        while (pendingCount > mark) {
            pendingCount--;
            pending[pendingCount] = null;
            pendingAddresses[pendingCount] = 0;
        }
    }

    /**
     * The array the host filled at {@code address}; {@code address} 0 is an empty result. Its
     * length is the allocation size, which is the size the host reported.
     */
    public static byte[] take(int address, int size) {
        if (address == 0) {
            return EMPTY;
        }
        byte[] data = remove(address);
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

    /** Removes the newest pending array handed out at {@code address}; null if there is none. */
    private static byte[] remove(int address) {
        for (int i = pendingCount - 1; i >= 0; i--) {
            if (pendingAddresses[i] == address) {
                byte[] data = pending[i];
                pendingCount--;
                System.arraycopy(pending, i + 1, pending, i, pendingCount - i);
                System.arraycopy(pendingAddresses, i + 1, pendingAddresses, i, pendingCount - i);
                pending[pendingCount] = null;
                pendingAddresses[pendingCount] = 0;
                return data;
            }
        }
        return null;
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
