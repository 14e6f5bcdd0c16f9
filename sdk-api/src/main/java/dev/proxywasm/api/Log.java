package dev.proxywasm.api;

import dev.proxywasm.abi.LogLevel;
import dev.proxywasm.runtime.HostBinding;

/** Writes to the host's log (Envoy's {@code wasm} logger). */
public final class Log {
    private Log() {}

    /**
     * Whether the host writes {@code level}: check it before building an expensive message
     * ({@code proxy_get_log_level}).
     */
    public static boolean isEnabled(LogLevel level) {
        return level.code() >= HostBinding.host().getLogLevel();
    }

    /** Logs at {@code level}. */
    public static void log(LogLevel level, String message) {
        HostBinding.host().log(level.code(), Utf8.encode(String.valueOf(message)));
    }

    /** Logs at trace level. */
    public static void trace(String message) {
        log(LogLevel.TRACE, message);
    }

    /** Logs at debug level. */
    public static void debug(String message) {
        log(LogLevel.DEBUG, message);
    }

    /** Logs at info level. */
    public static void info(String message) {
        log(LogLevel.INFO, message);
    }

    /** Logs at warn level. */
    public static void warn(String message) {
        log(LogLevel.WARN, message);
    }

    /** Logs at error level. */
    public static void error(String message) {
        log(LogLevel.ERROR, message);
    }

    /** Logs at critical level: use it for the one line that says why the plugin cannot start. */
    public static void critical(String message) {
        log(LogLevel.CRITICAL, message);
    }
}
