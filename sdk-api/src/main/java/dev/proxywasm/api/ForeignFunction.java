package dev.proxywasm.api;

import dev.proxywasm.runtime.HostBinding;

/** A function the host offers by name ({@code proxy_call_foreign_function}), e.g. Envoy's {@code compress}. */
public final class ForeignFunction {
    private ForeignFunction() {}

    /** Calls {@code name}; its result, or null if the host has no such function. */
    public static byte[] call(String name, byte[] arguments) {
        return HostBinding.host().callForeignFunction(Utf8.encode(name), arguments);
    }
}
