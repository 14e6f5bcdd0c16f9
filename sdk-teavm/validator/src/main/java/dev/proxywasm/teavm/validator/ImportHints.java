package dev.proxywasm.teavm.validator;

import java.util.Map;

/**
 * The Java calls known to make TeaVM emit an import no proxy-wasm host provides, and what a plugin
 * uses instead.
 */
final class ImportHints {
    private ImportHints() {}

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
