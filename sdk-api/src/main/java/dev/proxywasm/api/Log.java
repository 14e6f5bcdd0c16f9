package dev.proxywasm.api;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.WireCodes;

/**
 * Writes to the host's log ({@code proxy_log}; in Envoy the {@code wasm} logger, which prefixes each
 * line with the plugin's name, root id and VM id). A {@code null} message is written as {@code "null"}.
 */
public final class Log {
    private Log() {}

    /**
     * Whether the host writes {@code level}: check it before building an expensive message
     * ({@code proxy_get_log_level}).
     */
    public static boolean isEnabled(LogLevel level) {
        return WireCodes.code(level) >= HostBinding.host().getLogLevel();
    }

    /** Logs at {@code level}. */
    public static void log(LogLevel level, String message) {
        write(WireCodes.code(level), message);
    }

    /** Logs at trace level. */
    public static void trace(String message) {
        write(AbiCodes.LOG_TRACE, message);
    }

    /** Logs at debug level. */
    public static void debug(String message) {
        write(AbiCodes.LOG_DEBUG, message);
    }

    /** Logs at info level. */
    public static void info(String message) {
        write(AbiCodes.LOG_INFO, message);
    }

    /** Logs at warn level. */
    public static void warn(String message) {
        write(AbiCodes.LOG_WARN, message);
    }

    /** Logs at error level. */
    public static void error(String message) {
        write(AbiCodes.LOG_ERROR, message);
    }

    /** Logs at critical level: use it for the one line that says why the plugin cannot start. */
    public static void critical(String message) {
        write(AbiCodes.LOG_CRITICAL, message);
    }

    /**
     * Logs at wire level {@code level}: the one-level methods pass a constant, so a plugin that never
     * names a {@link LogLevel} carries no table of them.
     */
    private static void write(int level, String message) {
        HostBinding.host().log(level, String.valueOf(message));
    }
}
