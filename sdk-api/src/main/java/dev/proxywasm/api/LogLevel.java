package dev.proxywasm.api;

/**
 * How severe a log line is, lowest first, as Envoy's {@code wasm} logger ranks it. Envoy writes a
 * line when its level is at least the logger's ({@code --component-log-level wasm:debug});
 * {@link Log#isEnabled} asks before an expensive message is built.
 */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    /** For the one line that says why the plugin cannot start. */
    CRITICAL
}
