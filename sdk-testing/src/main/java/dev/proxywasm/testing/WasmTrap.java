package dev.proxywasm.testing;

/** The compiled module trapped: in Envoy the whole VM is now failed. */
public final class WasmTrap extends RuntimeException {
    private final String export;

    WasmTrap(String export, Throwable cause) {
        super("the module trapped in " + export + ": " + cause.getMessage(), cause);
        this.export = export;
    }

    /** The export that was running. */
    public String export() {
        return export;
    }
}
