package dev.proxywasm.testing;

/** How the emulator runs the plugin. */
public enum Mode {
    /** The plugin's classes, called through the generated glue on the JVM: fast, debuggable. */
    JVM,
    /** The compiled module, in the Chicory WebAssembly runtime: what Envoy runs. */
    WASM;

    /** {@code jvm} or {@code wasm}, for display names. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
