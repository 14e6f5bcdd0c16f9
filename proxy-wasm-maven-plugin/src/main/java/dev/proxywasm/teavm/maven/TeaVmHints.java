package dev.proxywasm.teavm.maven;

import dev.proxywasm.validator.Problem;
import dev.proxywasm.validator.ValidationReport;
import java.util.Map;

/**
 * What the validator's problems mean in a module TeaVM wrote: the Java call behind an import no
 * proxy-wasm host provides, with what a plugin uses instead, and why TeaVM's {@code _start} must
 * not run. The validator checks any module and knows no compiler; this is what only a TeaVM build
 * knows.
 */
final class TeaVmHints {
    private TeaVmHints() {}

    /** The call behind an import, and the replacement (or null when there is none to name). */
    record Hint(String javaCall, String instead) {}

    private static final String TIME = "Plugin.currentTimeNanos(), the host's clock";
    private static final String NO_THREADS = "a proxy-wasm VM runs one callback at a time on one thread: for periodic"
            + " work use Plugin.setTickPeriod and @OnTick, to wait for another service use HttpCall or GrpcCall";
    private static final String WASI_TARGET = "the WEBASSEMBLY target's runtime (build with WEBASSEMBLY_WASI)";

    private static final Map<String, Hint> TEAVM = Map.ofEntries(
            Map.entry("teavm.nanoTime", new Hint("System.nanoTime()", TIME)),
            Map.entry("teavm.currentTimeMillis", new Hint("System.currentTimeMillis()", TIME)),
            Map.entry("teavm.teavm_interrupt", new Hint("Thread.start, join or sleep", NO_THREADS)),
            Map.entry("teavm.logString", new Hint(WASI_TARGET, null)),
            Map.entry("teavm.logInt", new Hint(WASI_TARGET, null)),
            Map.entry("teavm.logOutOfMemory", new Hint(WASI_TARGET, null)),
            Map.entry("teavmMath.floor", new Hint("Math.floor, or UUID.randomUUID()", null)));

    /** The report with each problem TeaVM's output explains followed by that explanation. */
    static ValidationReport explain(ValidationReport report) {
        return report.withProblems(report.problems().stream().map(TeaVmHints::explain).toList());
    }

    private static Problem explain(Problem problem) {
        return switch (problem.kind()) {
            case UNKNOWN_IMPORT -> {
                Hint hint = of(problem.module(), problem.name());
                yield hint == null ? problem : problem.explained("; it comes from " + hint.javaCall()
                        + " in the plugin's code or its libraries"
                        + (hint.instead() == null ? "" : " (instead: " + hint.instead() + ")"));
            }
            case COMMAND_EXPORT -> problem.explained(" (TeaVM's _start corrupts its heap when run with argc = 0)");
            default -> problem;
        };
    }

    /** What the import comes from, or null when it is not one we know. */
    static Hint of(String module, String name) {
        Hint known = TEAVM.get(module + "." + name);
        if (known != null) {
            return known;
        }
        if (module.equals("teavmMath")) {
            return new Hint("Math." + name + " (or StrictMath." + name + ")",
                    "integer arithmetic, or a lookup table; TeaVM's WebAssembly targets have no libm");
        }
        return null;
    }
}
