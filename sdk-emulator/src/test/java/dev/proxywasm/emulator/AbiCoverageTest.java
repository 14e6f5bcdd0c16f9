package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasiFunction;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The emulator provides exactly the ABI table, with the table's signatures, and calls the guest by it. */
class AbiCoverageTest {
    @Test
    void theHostFunctionsAreExactlyTheTablesWithItsSignatures() {
        Map<String, String> provided = new TreeMap<>();
        for (var f : EnvFunctions.of(new EmulatedHost(), GuestExport.MALLOC)) {
            assertEquals(HostFunction.MODULE, f.module());
            HostFunction entry = HostFunction.byName(f.name());
            assertNotNull(entry, "not in the ABI table: " + f.name());
            assertEquals(ChicoryTypes.of(entry.signature()), f.functionType(), f.name());
            provided.put(f.name(), entry.signature().toString());
        }
        Map<String, String> table = new TreeMap<>();
        for (HostFunction entry : HostFunction.values()) {
            table.put(entry.abiName(), entry.signature().toString());
        }
        assertEquals(table, provided);
    }

    @Test
    void theWasiFunctionsAreExactlyTheTablesUnderEachModuleName() {
        Set<String> provided = new TreeSet<>();
        for (var f : WasiFunctions.of(new EmulatedHost())) {
            WasiFunction entry = WasiFunction.byName(f.name());
            assertNotNull(entry, "not in the WASI table: " + f.name());
            assertEquals(ChicoryTypes.of(entry.signature()), f.functionType(), f.name());
            provided.add(f.module() + "." + f.name());
        }
        Set<String> table = new TreeSet<>();
        for (WasiFunction entry : WasiFunction.values()) {
            WasiFunction.MODULES.forEach(module -> table.add(module + "." + entry.abiName()));
        }
        assertEquals(table, provided);
    }

    @Test
    void everyCallbackExportHasATypedGuestCallOfItsArity() {
        Map<String, Integer> typed = Arrays.stream(Guest.class.getDeclaredMethods())
                .filter(Method::isDefault)
                .collect(Collectors.toMap(m -> exportName(m.getName()), Method::getParameterCount, (a, b) -> a,
                        TreeMap::new));
        Map<String, Integer> table = Arrays.stream(GuestExport.values())
                .filter(e -> e.abiName().startsWith("proxy_on_") && e != GuestExport.PROXY_ON_MEMORY_ALLOCATE)
                .collect(Collectors.toMap(GuestExport::abiName, e -> e.parameters().size(), (a, b) -> a,
                        TreeMap::new));
        assertEquals(table, typed);
    }

    @Test
    void aCallWithOtherArgumentsThanTheTablesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Guest.checkArguments(GuestExport.PROXY_ON_REQUEST_HEADERS, new int[] {2, 1}));
    }

    /** {@code onRequestHeaders} → {@code proxy_on_request_headers}. */
    private static String exportName(String method) {
        StringBuilder name = new StringBuilder("proxy_");
        for (char c : method.toCharArray()) {
            name.append(Character.isUpperCase(c) ? "_" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }
}
