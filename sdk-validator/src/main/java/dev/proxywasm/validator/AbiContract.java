package dev.proxywasm.validator;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.Signature;
import dev.proxywasm.abi.WasiFunction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the validator accepts from a module, as views of the ABI table in the form it compares
 * ({@code (i32,i32)->i32} by name): which imports load in every Envoy, which only in recent ones,
 * and which exports the host calls with what signature. The ABI itself is spelled in
 * {@code dev.proxywasm.abi} only.
 */
final class AbiContract {
    private AbiContract() {}

    /** Every {@code env} function of ABI 0.2.1. */
    static final Map<String, String> ENV_IMPORTS = signatures(HostFunction.values(), HostFunction::abiName,
            HostFunction::signature);

    /** Names Envoy no longer links when the module declares 0.2.1: worth saying why the import fails. */
    static final Set<String> ABI_0_1_0_ONLY = HostFunction.ABI_0_1_0_ONLY;

    /** WASI functions every Envoy release with ABI 0.2.1 provides. */
    static final Map<String, String> WASI_EVERY_ENVOY = wasi(false);

    /** WASI functions Envoy added in 2024-12: a warning, since older Envoy and Istio releases refuse them. */
    static final Map<String, String> WASI_SINCE_2024_12 = wasi(true);

    /** The module names WASI imports may use. */
    static final Set<String> WASI_MODULES = WasiFunction.MODULES;

    static final String ABI_MARKER = GuestExport.ABI_MARKER;

    /** Exports the host looks up, with the signature it calls them with. */
    static final Map<String, String> CALLBACKS = signatures(GuestExport.values(), GuestExport::abiName,
            GuestExport::signature);

    private static Map<String, String> wasi(boolean since2024December) {
        WasiFunction[] matching = Arrays.stream(WasiFunction.values())
                .filter(f -> f.since2024December() == since2024December)
                .toArray(WasiFunction[]::new);
        return signatures(matching, WasiFunction::abiName, WasiFunction::signature);
    }

    private static <T> Map<String, String> signatures(T[] entries, Function<T, String> name,
            Function<T, Signature> signature) {
        Map<String, String> map = new HashMap<>();
        for (T entry : entries) {
            map.put(name.apply(entry), signature.apply(entry).toString());
        }
        return Map.copyOf(map);
    }
}
