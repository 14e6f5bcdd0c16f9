package dev.proxywasm.teavm.maven;

import java.util.function.Consumer;
import org.teavm.tooling.TeaVMToolLog;

/** TeaVM's log, reduced to warnings and errors: its info output is noise for plugin authors. */
final class QuietToolLog implements TeaVMToolLog {
    private final Consumer<String> sink;

    QuietToolLog(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void info(String text) {}

    @Override
    public void debug(String text) {}

    @Override
    public void warning(String text) {
        sink.accept("TeaVM warning: " + text);
    }

    @Override
    public void error(String text) {
        sink.accept("TeaVM error: " + text);
    }

    @Override
    public void info(String text, Throwable e) {}

    @Override
    public void debug(String text, Throwable e) {}

    @Override
    public void warning(String text, Throwable e) {
        warning(text + ": " + e);
    }

    @Override
    public void error(String text, Throwable e) {
        error(text + ": " + e);
    }
}
