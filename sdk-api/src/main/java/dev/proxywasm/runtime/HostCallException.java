package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.abi.WasmResult;

/** A host function returned a status the SDK cannot turn into a value. */
public final class HostCallException extends RuntimeException {
    private final String function;
    private final WasmResult result;

    public HostCallException(String function, WasmResult result) {
        super(function + " returned " + result);
        this.function = function;
        this.result = result;
    }

    /** The ABI function that failed, e.g. {@code proxy_get_header_map_value}. */
    public String function() {
        return function;
    }

    /** What it returned. */
    public WasmResult result() {
        return result;
    }

    /**
     * The single place where statuses become control flow: {@code true} for {@code Ok},
     * {@code false} for {@code NotFound} and {@code Empty}, an exception for anything else.
     */
    public static boolean check(String function, int status) {
        if (status == AbiCodes.RESULT_OK) {
            return true;
        }
        if (status == AbiCodes.RESULT_NOT_FOUND || status == AbiCodes.RESULT_EMPTY) {
            return false;
        }
        throw new HostCallException(function, WasmResult.of(status));
    }
}
