package dev.proxywasm.runtime;

/**
 * A log line given as the parts of a string concatenation: what the WebAssembly build turns
 * {@code Log.info("a" + b + c)} into, so that the line goes to the host without a
 * {@code StringBuilder}, its buffer and the string it makes. Plugins never call it.
 */
public final class LogLine {
    private LogLine() {}

    /**
     * Logs the concatenation of {@code parts} at wire level {@code level}; each part is already the
     * text the concatenation would append ({@code String.valueOf} of its value), or a null
     * {@code String}, which is written as {@code "null"}.
     */
    public static void write(int level, String[] parts) {
        HostBinding.host().log(level, parts);
    }
}
