package dev.proxywasm.emulator;

import dev.proxywasm.abi.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the plugin logged ({@code proxy_log}, and stdout and stderr through WASI), and the level the
 * host reports to it. Long runs may count lines without keeping them.
 */
public final class Logs {
    /** A log line. */
    public record Line(LogLevel level, String message) {
        /** {@code "info: message"}. */
        @Override
        public String toString() {
            return level.name().toLowerCase(Locale.ROOT) + ": " + message;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private boolean retained = true;
    private long count;
    private LogLevel level = LogLevel.TRACE;

    /** A line the plugin logged with {@code proxy_log}: counted, and kept unless lines are discarded. */
    void log(LogLevel lineLevel, String message) {
        count++;
        if (retained) {
            lines.add(new Line(lineLevel, message));
        }
    }

    /** A line the module wrote to stdout or stderr: always kept, as Envoy always logs it. */
    void write(LogLevel lineLevel, String message) {
        lines.add(new Line(lineLevel, message));
    }

    /** Counts lines without keeping them: for soak runs of millions of requests. */
    public void discard() {
        retained = false;
    }

    /** How many lines the plugin logged with {@code proxy_log}, kept or not. */
    public long count() {
        return count;
    }

    /** The level {@code proxy_get_log_level} reports. */
    public LogLevel level() {
        return level;
    }

    public void setLevel(LogLevel newLevel) {
        level = newLevel;
    }

    /** Messages logged at {@code lineLevel}, in order. */
    public List<String> at(LogLevel lineLevel) {
        List<String> messages = new ArrayList<>();
        for (Line line : lines) {
            if (line.level() == lineLevel) {
                messages.add(line.message());
            }
        }
        return messages;
    }

    /** Every kept line with its level, {@code "info: message"}, in order. */
    public List<String> all() {
        return lines.stream().map(Line::toString).toList();
    }

    /** Every kept line as {@link #all()}, and forgets them. */
    public List<String> take() {
        List<String> taken = all();
        lines.clear();
        return taken;
    }
}
