package dev.proxywasm.abi;

/** Log levels, as Envoy's {@code wasm} logger knows them. */
public enum LogLevel {
    TRACE(AbiCodes.LOG_TRACE),
    DEBUG(AbiCodes.LOG_DEBUG),
    INFO(AbiCodes.LOG_INFO),
    WARN(AbiCodes.LOG_WARN),
    ERROR(AbiCodes.LOG_ERROR),
    CRITICAL(AbiCodes.LOG_CRITICAL);

    private final int code;

    LogLevel(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }

    /** The level for a wire code; out-of-range codes clamp to the nearest level. */
    public static LogLevel of(int code) {
        LogLevel[] all = values();
        return all[Math.max(0, Math.min(all.length - 1, code))];
    }
}
