package dev.proxywasm.abi;

/** Status code every proxy-wasm host function returns (ABI 0.2.1). */
public enum WasmResult {
    OK(AbiCodes.RESULT_OK),
    NOT_FOUND(AbiCodes.RESULT_NOT_FOUND),
    BAD_ARGUMENT(AbiCodes.RESULT_BAD_ARGUMENT),
    SERIALIZATION_FAILURE(3),
    PARSE_FAILURE(AbiCodes.RESULT_PARSE_FAILURE),
    BAD_EXPRESSION(5),
    INVALID_MEMORY_ACCESS(6),
    EMPTY(AbiCodes.RESULT_EMPTY),
    CAS_MISMATCH(AbiCodes.RESULT_CAS_MISMATCH),
    RESULT_MISMATCH(9),
    INTERNAL_FAILURE(AbiCodes.RESULT_INTERNAL_FAILURE),
    BROKEN_CONNECTION(11),
    UNIMPLEMENTED(12);

    private final int code;

    WasmResult(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }

    /** The result for a wire code; codes this ABI does not define map to {@link #INTERNAL_FAILURE}. */
    public static WasmResult of(int code) {
        WasmResult[] all = values();
        return code >= 0 && code < all.length ? all[code] : INTERNAL_FAILURE;
    }
}
