package dev.proxywasm.samples.httpauth;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.HttpCallout;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class HttpAuthTest {
    private static final List<Header> REQUEST = List.of(new Header(":path", "/orders"),
            new Header("authorization", "Bearer t0ken"));

    @ProxyWasmTest
    void theRequestWaitsForTheAuthService(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(id, REQUEST, true));

        HttpCallout call = host.getHttpCallouts().get(0);
        assertEquals("auth", call.upstream());
        assertEquals("/orders", call.header("x-original-path"));
        assertEquals("Bearer t0ken", call.header("authorization"));
        assertTrue(host.isRequestPaused(id));
    }

    @ProxyWasmTest
    void aTwoHundredResumesTheRequest(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, REQUEST, true);

        host.callOnHttpCallResponse(host.getHttpCallouts().get(0).token(),
                List.of(new Header(":status", "200"), new Header("x-user", "alice")), new byte[0], List.of());

        assertFalse(host.isRequestPaused(id));
        assertHeader(host.getCurrentRequestHeaders(id), "x-auth-user", "alice");
        assertNoLocalResponse(host, id);
        assertEquals(List.of("access granted"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void anythingElseIsForbidden(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, REQUEST, true);

        host.callOnHttpCallResponse(host.getHttpCallouts().get(0).token(), List.of(new Header(":status", "401")),
                new byte[0], List.of());

        assertEquals("access denied\n", assertLocalResponse(host, id, 403).bodyText());
        assertEquals(List.of("access denied: auth answered 401"), host.getInfoLogs());
    }
}
