package dev.proxywasm.api;

import dev.proxywasm.runtime.HostBinding;

/**
 * Functions the host offers beyond the ABI, both ways: the plugin {@link #call}s one of the host's
 * by name ({@code proxy_call_foreign_function}, e.g. Envoy's {@code compress}), and a host that
 * calls into the plugin ({@code proxy_on_foreign_function}) names its function by an {@link Id}.
 */
public final class ForeignFunction {
    private ForeignFunction() {}

    /** Calls the host's function {@code name}; its result, or null if the host has no such function. */
    public static byte[] call(String name, byte[] arguments) {
        return HostBinding.host().callForeignFunction(Utf8.encode(name), arguments);
    }

    /**
     * Which of its functions the host is running in the plugin's {@code @OnForeignFunction} handler.
     * The ABI carries a number, not a name, and the host defines what each number means: compare
     * with the host's documented ids, e.g. {@code function.equals(new ForeignFunction.Id(0))}.
     *
     * @param number the host's number for the function
     */
    public record Id(int number) {
        @Override
        public String toString() {
            return "foreign function " + number;
        }
    }
}
