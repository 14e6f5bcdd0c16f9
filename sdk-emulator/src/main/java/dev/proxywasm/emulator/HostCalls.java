package dev.proxywasm.emulator;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.HostCallException;

/** How a host call of the model refuses: the status the ABI function returns, named by the table. */
final class HostCalls {
    private HostCalls() {}

    static HostCallException fail(HostFunction function, WasmResult result) {
        return new HostCallException(function.abiName(), result);
    }
}
