package dev.proxywasm.emulator;

import dev.proxywasm.abi.GuestExport;

/** The compiled module trapped: in Envoy the whole VM is now failed. */
public final class Trap extends RuntimeException {
    private final GuestExport export;

    Trap(GuestExport export, Throwable cause) {
        super("the module trapped in " + export.abiName() + ": " + cause.getMessage(), cause);
        this.export = export;
    }

    /** The export that was running. */
    public GuestExport export() {
        return export;
    }
}
