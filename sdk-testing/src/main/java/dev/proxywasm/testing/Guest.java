package dev.proxywasm.testing;

/**
 * The plugin as the emulator calls it: its exports by ABI name. {@link JvmGuest} calls the
 * generated glue's static methods; {@link WasmGuest} calls the compiled module in Chicory.
 */
interface Guest extends AutoCloseable {
    /** Whether the plugin exports {@code name}. */
    boolean exports(String name);

    /** Calls export {@code name}; returns its i32 result, or 0 for a void export. */
    int call(String name, int... args);

    /** Linear memory pages, or -1 on the JVM. */
    int memoryPages();

    @Override
    void close();
}
