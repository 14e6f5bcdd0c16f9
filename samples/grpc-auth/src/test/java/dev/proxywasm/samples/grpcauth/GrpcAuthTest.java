package dev.proxywasm.samples.grpcauth;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.GrpcCall;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class GrpcAuthTest {
    private static final List<Header> REQUEST = List.of(new Header(":path", "/admin"),
            new Header("authorization", "Bearer t"));

    @ProxyWasmTest
    void anOkStatusResumesTheRequest(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, REQUEST, true);

        GrpcCall call = host.getGrpcCalls().get(0);
        assertEquals("grpc_auth", call.service());
        assertEquals("auth.v1.Authorizer", call.serviceName());
        assertEquals("Check", call.method());
        assertEquals(List.of(new Header("authorization", "Bearer t")), call.initialMetadata());
        assertArrayEquals("/admin".getBytes(), call.sentMessages().get(0));
        assertTrue(host.isRequestPaused(id));

        host.callOnGrpcClose(call.token(), 0, "");

        assertFalse(host.isRequestPaused(id));
        assertNoLocalResponse(host, id);
    }

    @ProxyWasmTest
    void anyOtherStatusIsForbidden(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, REQUEST, true);

        host.callOnGrpcClose(host.getGrpcCalls().get(0).token(), 7, "permission denied");

        assertEquals("denied: permission denied\n", assertLocalResponse(host, id, 403).text());
        assertEquals(List.of("denied by gRPC status PERMISSION_DENIED: permission denied"), host.getInfoLogs());
    }
}
