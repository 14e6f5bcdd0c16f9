package dev.proxywasm.abi;

/** Status code every proxy-wasm host function returns (ABI 0.2.1). */
public enum WasmResult {
    OK(0),
    NOT_FOUND(1),
    BAD_ARGUMENT(2),
    SERIALIZATION_FAILURE(3),
    PARSE_FAILURE(4),
    BAD_EXPRESSION(5),
    INVALID_MEMORY_ACCESS(6),
    EMPTY(7),
    CAS_MISMATCH(8),
    RESULT_MISMATCH(9),
    INTERNAL_FAILURE(10),
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
