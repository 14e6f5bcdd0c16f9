package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.abi.WasmResult;
import org.junit.jupiter.api.Test;

/** The exception names statuses as {@link WasmResult} does, without building one. */
class HostCallExceptionTest {
    @Test
    void namesEveryStatusAsTheEnumDoes() {
        for (WasmResult result : WasmResult.values()) {
            assertEquals(result.name(), HostCallException.resultName(result.code()));
            HostCallException e = new HostCallException("proxy_log", result);
            assertEquals("proxy_log returned " + result, e.getMessage());
            assertEquals(result, e.result());
            assertEquals(result.code(), e.status());
        }
    }

    @Test
    void checkTurnsStatusesIntoControlFlow() {
        assertTrue(HostCallException.check("proxy_log", 0));
        assertFalse(HostCallException.check("proxy_log", 1));
        assertFalse(HostCallException.check("proxy_log", 7));
        HostCallException refused = assertThrows(HostCallException.class,
                () -> HostCallException.check("proxy_http_call", 2));
        assertEquals(WasmResult.BAD_ARGUMENT, refused.result());
        assertEquals("proxy_http_call returned BAD_ARGUMENT", refused.getMessage());
    }

    @Test
    void aStatusTheAbiLacksIsAnInternalFailure() {
        for (int status : new int[] {13, 99, -1}) {
            HostCallException refused = assertThrows(HostCallException.class,
                    () -> HostCallException.check("proxy_get_property", status));
            assertEquals(WasmResult.INTERNAL_FAILURE, refused.result());
            assertEquals(WasmResult.of(status), refused.result());
            assertEquals("proxy_get_property returned INTERNAL_FAILURE", refused.getMessage());
        }
    }
}
