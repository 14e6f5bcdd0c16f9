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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Host calls that fail on purpose, as Envoy's fail on its unhappy paths: a seeded, deterministic
 * fraction of the plugin's eligible host calls returns one of the given codes instead of doing its
 * work ({@link HostEmulator#withHostCallFailures}).
 *
 * <p>A failed call writes no out-parameter, and fails before doing anything; except that a failing
 * call that returns data ({@link #RETURNING_DATA}) fails, in half the cases (drawn from the same
 * generator), after the host did its work and copied the data into memory it got from the
 * module's allocator: proxy-wasm-cpp-host fails that way when it cannot store the data's address,
 * and Envoy's foreign functions when they fail after producing output. The module then never learns
 * the address of memory it handed out. (Only {@code proxy_get_status} has by then written its
 * status code, which comes first in proxy-wasm-cpp-host too.)
 *
 * <p>Each eligible call draws from one seeded generator, so the same test fails the same calls, the
 * same way, on every run and in both modes (the SDK makes the same calls on the JVM and in the
 * module). On the JVM the SDK sees what the module's host binding makes of the code:
 * {@code NotFound} and {@code Empty} are the call's "absent" result, anything else a
 * {@link HostCallException}.
 *
 * <p>Calls Envoy fails only when they are malformed, or never, are not eligible by default
 * ({@link #NEVER_FAILED}); neither are the WASI functions.
 */
public final class HostCallFailures {
    /**
     * Functions that are never failed unless the predicate names them: Envoy fails {@code proxy_log}
     * only for a level above critical, {@code proxy_set_effective_context} only for an unknown
     * context, {@code proxy_done} only outside a deferred shutdown, and never the others.
     */
    public static final Set<String> NEVER_FAILED = Set.of("proxy_log", "proxy_get_log_level",
            "proxy_get_current_time_nanoseconds", "proxy_set_tick_period_milliseconds",
            "proxy_set_effective_context", "proxy_done");

    /** The functions that hand data back through the module's allocator. */
    public static final Set<String> RETURNING_DATA = Set.of("proxy_get_property", "proxy_get_buffer_bytes",
            "proxy_get_header_map_pairs", "proxy_get_header_map_value", "proxy_get_status", "proxy_get_shared_data",
            "proxy_dequeue_shared_queue", "proxy_call_foreign_function");

    /** The eligible functions by default: every {@code env} function but {@link #NEVER_FAILED}. */
    public static final Predicate<String> ENVOY_FALLIBLE = name -> !NEVER_FAILED.contains(name);

    private final double rate;
    private final SplittableRandom random;
    private final List<WasmResult> codes;
    private final Predicate<String> eligible;
    private final Map<String, Long> injected = new TreeMap<>();
    private long eligibleCalls;
    private Host jvmHost;

    HostCallFailures(double rate, long seed, Predicate<String> eligible, WasmResult... codes) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the failure rate is a fraction from 0 to 1, not " + rate);
        }
        if (codes.length == 0 || Arrays.asList(codes).contains(WasmResult.OK) || Arrays.asList(codes).contains(null)) {
            throw new IllegalArgumentException("name at least one failure code, and not OK: " + Arrays.toString(codes));
        }
        this.rate = rate;
        this.random = new SplittableRandom(seed);
        this.codes = List.of(codes);
        this.eligible = eligible;
    }

    /**
     * How a call fails: with {@code code}, and before doing anything or, when {@code afterWork}, once
     * its data is in the module's memory.
     */
    record Failure(WasmResult code, boolean afterWork) {
        long[] result() {
            return new long[] {code.code()};
        }
    }

    /** How {@code function} fails this time, or null when it does its work. */
    Failure next(String function) {
        if (!eligible.test(function)) {
            return null;
        }
        eligibleCalls++;
        if (random.nextDouble() >= rate) {
            return null;
        }
        WasmResult code = codes.get(codes.size() == 1 ? 0 : random.nextInt(codes.size()));
        boolean afterWork = RETURNING_DATA.contains(function) && random.nextBoolean();
        injected.merge(function, 1L, Long::sum);
        return new Failure(code, afterWork);
    }

    /** How many calls were eligible so far. */
    long eligibleCalls() {
        return eligibleCalls;
    }

    /** How many calls failed on purpose so far, by ABI function name. */
    Map<String, Long> injected() {
        return Map.copyOf(injected);
    }

    /** {@code host} as the SDK sees it on the JVM, with these failures; one view per emulator. */
    Host jvmHost(Host host) {
        if (jvmHost == null) {
            jvmHost = (Host) Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {Host.class},
                    (proxy, method, args) -> invoke(host, method, args));
        }
        return jvmHost;
    }

    private Object invoke(Host host, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(host, args);
        }
        String function = abiName(method.getName());
        Failure failure = next(function);
        if (failure == null) {
            try {
                return method.invoke(host, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        if (failure.afterWork()) {
            try {
                method.invoke(host, args);
            } catch (InvocationTargetException e) {
                // The injected code is the call's outcome.
            }
        }
        WasmResult code = failure.code();
        if (code == WasmResult.NOT_FOUND || code == WasmResult.EMPTY) {
            return absent(function, method.getReturnType());
        }
        throw new HostCallException(function, code);
    }

    /**
     * What the module's host binding returns when {@code function} answers {@code NotFound} or
     * {@code Empty} without writing its out-parameters: null for data, -1 for a buffer's size and a
     * queue id, zero for other numbers (the out-parameter as allocated), true for a shared-data
     * write (only a CAS mismatch is false).
     */
    private static Object absent(String function, Class<?> type) {
        if (type == int.class) {
            return function.equals("proxy_get_buffer_status") || function.equals("proxy_resolve_shared_queue") ? -1 : 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return true;
        }
        return null;
    }

    /** {@code getHeaderMapValue} → {@code proxy_get_header_map_value}: the Host method's ABI function. */
    static String abiName(String method) {
        if (method.equals("getBufferSize")) {
            return "proxy_get_buffer_status";
        }
        StringBuilder name = new StringBuilder("proxy_");
        for (char c : method.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
