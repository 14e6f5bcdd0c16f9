package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.abi.WasmResult;

/**
 * A host function returned a status the SDK cannot turn into a value.
 *
 * <p>It keeps the status as its code and names it only when asked: {@link #check} is in every
 * module, and building a {@link WasmResult} there initialized the enum (its values, names and class
 * record, about 1.5 KB) in modules that never ask for one.
 */
public final class HostCallException extends RuntimeException {
    /** The last code {@code proxy_result_t} defines ({@code Unimplemented}). */
    private static final int LAST_RESULT = 12;

    private final String function;
    private final int status;

    public HostCallException(String function, WasmResult result) {
        this(function, result.code());
    }

    private HostCallException(String function, int status) {
        this.function = function;
        this.status = status >= 0 && status <= LAST_RESULT ? status : AbiCodes.RESULT_INTERNAL_FAILURE;
    }

    /** {@code proxy_get_header_map_value returned BAD_ARGUMENT}. */
    @Override
    public String getMessage() {
        return function + " returned " + resultName(status);
    }

    /** The ABI function that failed, e.g. {@code proxy_get_header_map_value}. */
    public String function() {
        return function;
    }

    /** What it returned. */
    public WasmResult result() {
        return WasmResult.of(status);
    }

    /** What it returned, as its code; a code the ABI does not define is {@code InternalFailure}'s. */
    public int status() {
        return status;
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
        throw new HostCallException(function, status);
    }

    /**
     * The {@link WasmResult} constant's name for {@code status}, without the enum; codes the ABI
     * does not define are {@code INTERNAL_FAILURE}, as {@link WasmResult#of} has them.
     */
    public static String resultName(int status) {
        return switch (status) {
            case 0 -> "OK";
            case 1 -> "NOT_FOUND";
            case 2 -> "BAD_ARGUMENT";
            case 3 -> "SERIALIZATION_FAILURE";
            case 4 -> "PARSE_FAILURE";
            case 5 -> "BAD_EXPRESSION";
            case 6 -> "INVALID_MEMORY_ACCESS";
            case 7 -> "EMPTY";
            case 8 -> "CAS_MISMATCH";
            case 9 -> "RESULT_MISMATCH";
            case 11 -> "BROKEN_CONNECTION";
            case 12 -> "UNIMPLEMENTED";
            default -> "INTERNAL_FAILURE";
        };
    }
}
