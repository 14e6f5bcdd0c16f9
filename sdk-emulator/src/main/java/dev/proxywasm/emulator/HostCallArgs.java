package dev.proxywasm.emulator;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.Parameter.Role;
import dev.proxywasm.abi.WasmResult;

/**
 * The arguments of one host call from the module, read and answered by the role the ABI table
 * gives each parameter: values, bytes the module passes in (pointer and size), data handed back
 * in memory from the module's own allocator (pointer and size written), scalars written back.
 * Reading a parameter in another role than the table's is a bug in the emulator, and fails loudly.
 */
final class HostCallArgs {
    static final long[] OK = {WasmResult.OK.code()};

    private final HostFunction function;
    private final Instance instance;
    private final Memory memory;
    private final long[] raw;
    private final GuestExport allocator;
    private final HostCallFailures.Failure failingAfterWork;

    HostCallArgs(HostFunction function, Instance instance, long[] raw, GuestExport allocator,
            HostCallFailures.Failure failingAfterWork) {
        this.function = function;
        this.instance = instance;
        this.memory = instance.memory();
        this.raw = raw;
        this.allocator = allocator;
        this.failingAfterWork = failingAfterWork;
    }

    static long[] result(WasmResult result) {
        return new long[] {result.code()};
    }

    private void expect(int index, Role role) {
        Role actual = function.parameters().get(index).role();
        if (actual != role) {
            throw new IllegalStateException(function.abiName() + " parameter " + index + " is " + actual + ", read as "
                    + role);
        }
    }

    /** A plain i32 value. */
    int i32(int index) {
        expect(index, Role.VALUE);
        return (int) raw[index];
    }

    /** A plain i64 value. */
    long i64(int index) {
        expect(index, Role.VALUE);
        return raw[index];
    }

    /** The bytes at the in-pointer {@code index} and the size after it. */
    byte[] in(int index) {
        expect(index, Role.IN_POINTER);
        return memory.readBytes((int) raw[index], (int) raw[index + 1]);
    }

    /** Writes a scalar result at the out-value pointer {@code index}. */
    void outI32(int index, int value) {
        expect(index, Role.OUT_VALUE);
        memory.writeI32((int) raw[index], value);
    }

    void outI64(int index, long value) {
        expect(index, Role.OUT_VALUE);
        memory.writeLong((int) raw[index], value);
    }

    /**
     * Copies {@code data} into memory from the module's allocator and writes its address and size
     * at the out-pointer {@code index} and the one after it, as proxy-wasm-cpp-host does. A call
     * that fails after its work fails here, with the data in memory the module never learns of.
     */
    long[] out(int index, byte[] data) {
        expect(index, Role.OUT_POINTER);
        int address = 0;
        if (data.length > 0) {
            address = (int) instance.export(allocator.abiName()).apply(data.length)[0];
            if (address == 0) {
                return result(WasmResult.INVALID_MEMORY_ACCESS);
            }
            memory.write(address, data);
        }
        if (failingAfterWork != null) {
            return failingAfterWork.result();
        }
        memory.writeI32((int) raw[index], address);
        memory.writeI32((int) raw[index + 1], data.length);
        return OK;
    }
}
