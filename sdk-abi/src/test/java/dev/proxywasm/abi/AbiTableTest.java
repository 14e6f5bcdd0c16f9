package dev.proxywasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.proxywasm.abi.Parameter.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbiTableTest {
    @Test
    void rolesFollowTheSpecsParameterNames() {
        assertEquals(List.of(Role.VALUE, Role.IN_POINTER, Role.IN_SIZE, Role.OUT_POINTER, Role.OUT_SIZE),
                roles(HostFunction.PROXY_GET_HEADER_MAP_VALUE.parameters()));
        assertEquals(Role.OUT_VALUE, HostFunction.PROXY_HTTP_CALL.parameters().get(9).role());
        assertEquals(List.of(Role.VALUE, Role.IN_POINTER, Role.IN_SIZE), roles(HostFunction.PROXY_LOG.parameters()));
    }

    @Test
    void signaturesPrintAsTheyParse() {
        for (HostFunction f : HostFunction.values()) {
            assertEquals(f.signature(), Signature.parse(f.signature().toString()), f.abiName());
        }
        assertEquals("(i32,i64)->i32", HostFunction.PROXY_INCREMENT_METRIC.signature().toString());
        assertEquals("()->()", GuestExport.INITIALIZE.signature().toString());
    }

    @Test
    void namesFindTheirEntries() {
        assertSame(HostFunction.PROXY_DONE, HostFunction.byName("proxy_done"));
        assertSame(GuestExport.PROXY_ON_LOG, GuestExport.byName("proxy_on_log"));
        assertSame(WasiFunction.FD_WRITE, WasiFunction.byName("fd_write"));
        assertNull(HostFunction.byName("proxy_get_configuration"));
    }

    private static List<Role> roles(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::role).toList();
    }
}
