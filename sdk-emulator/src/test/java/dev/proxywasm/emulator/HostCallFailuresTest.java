package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.Host;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCallFailuresTest {
    @Test
    void everyHostMethodNamesItsTableEntry() {
        for (Method method : Host.class.getDeclaredMethods()) {
            HostFunction.valueOf(HostCallFailures.hostFunction(method.getName()).name());
        }
        assertEquals(HostFunction.PROXY_GET_BUFFER_STATUS, HostCallFailures.hostFunction("getBufferSize"));
        assertEquals(HostFunction.PROXY_GET_HEADER_MAP_VALUE, HostCallFailures.hostFunction("getHeaderMapValue"));
    }

    @Test
    void theSameSeedFailsTheSameCallsAndOnlyEligibleOnes() {
        List<String> first = draw(new HostCallFailures(0.5, 7, HostCallFailures.ENVOY_FALLIBLE, WasmResult.NOT_FOUND));
        List<String> second = draw(new HostCallFailures(0.5, 7, HostCallFailures.ENVOY_FALLIBLE, WasmResult.NOT_FOUND));

        assertEquals(first, second);
        assertNull(new HostCallFailures(1, 7, HostCallFailures.ENVOY_FALLIBLE, WasmResult.NOT_FOUND)
                .next(HostFunction.PROXY_LOG));
    }

    @Test
    void okIsNoFailureCode() {
        assertThrows(IllegalArgumentException.class,
                () -> new HostCallFailures(1, 1, f -> true, WasmResult.OK));
    }

    private static List<String> draw(HostCallFailures failures) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HostCallFailures.Failure failure = failures.next(HostFunction.PROXY_GET_PROPERTY);
            outcomes.add(failure == null ? "-" : failure.code() + "/" + failure.afterWork());
        }
        return outcomes;
    }
}
