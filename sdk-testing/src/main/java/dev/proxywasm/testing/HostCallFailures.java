package dev.proxywasm.testing;

import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostCallException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import dev.proxywasm.abi.HostFunction;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which host calls {@link HostEmulator#withHostCallFailures} fails, by ABI function name; the
 * injection itself is the host model's ({@link dev.proxywasm.emulator.HostCallFailures}).
 */
public final class HostCallFailures {
    private HostCallFailures() {}

    /**
     * Functions that are never failed unless the predicate names them: Envoy fails {@code proxy_log}
     * only for a level above critical, {@code proxy_set_effective_context} only for an unknown
     * context, {@code proxy_done} only outside a deferred shutdown, and never the others.
     */
    public static final Set<String> NEVER_FAILED = names(dev.proxywasm.emulator.HostCallFailures.NEVER_FAILED);

    /** The functions that hand data back through the module's allocator. */
    public static final Set<String> RETURNING_DATA = names(dev.proxywasm.emulator.HostCallFailures.RETURNING_DATA);

    /** The eligible functions by default: every {@code env} function but {@link #NEVER_FAILED}. */
    public static final Predicate<String> ENVOY_FALLIBLE = name -> !NEVER_FAILED.contains(name);

    private static Set<String> names(Set<HostFunction> functions) {
        return functions.stream().map(HostFunction::abiName).collect(Collectors.toUnmodifiableSet());
    }
}
