package dev.proxywasm.teavm.validator;

import java.util.Map;

/** The Java calls known to make TeaVM emit an import no proxy-wasm host provides. */
final class ImportHints {
    private ImportHints() {}

    private static final Map<String, String> TEAVM = Map.ofEntries(
            Map.entry("teavm.nanoTime", "System.nanoTime()"),
            Map.entry("teavm.currentTimeMillis", "System.currentTimeMillis()"),
            Map.entry("teavm.teavm_interrupt", "Thread.start/join/sleep (threads cannot run in a proxy-wasm VM)"),
            Map.entry("teavm.logString", "the WEBASSEMBLY target's console output (build with WEBASSEMBLY_WASI)"),
            Map.entry("teavm.logInt", "the WEBASSEMBLY target's console output (build with WEBASSEMBLY_WASI)"),
            Map.entry("teavm.logOutOfMemory", "the WEBASSEMBLY target's runtime (build with WEBASSEMBLY_WASI)"),
            Map.entry("teavmMath.floor", "Math.floor, or UUID.randomUUID()"));

    /** A hint such as "Math.sin", or null when the import is not one we know. */
    static String javaCall(String module, String name) {
        String known = TEAVM.get(module + "." + name);
        if (known != null) {
            return known;
        }
        if (module.equals("teavmMath")) {
            return "Math." + name + " (or StrictMath." + name + ")";
        }
        return null;
    }
}
