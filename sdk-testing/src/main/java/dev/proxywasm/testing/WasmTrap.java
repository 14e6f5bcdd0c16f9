package dev.proxywasm.testing;

import dev.proxywasm.emulator.Trap;

/** The compiled module trapped: in Envoy the whole VM is now failed. */
public final class WasmTrap extends RuntimeException {
    private final String export;

    WasmTrap(Trap trap) {
        super(trap.getMessage(), trap.getCause());
        this.export = trap.export().abiName();
    }

    /** The export that was running, e.g. {@code proxy_on_request_headers}. */
    public String export() {
        return export;
    }
}
