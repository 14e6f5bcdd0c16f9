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
import dev.proxywasm.testing.SentLocalResponse;
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

        assertEquals("access denied\n", assertLocalResponse(host, id, 403).text());
        assertEquals(List.of("access denied: auth answered 401"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void aFailedCallIsForbiddenToo(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, REQUEST, true);

        host.callOnHttpCallFailure(host.getHttpCallouts().get(0).token());

        SentLocalResponse reply = assertLocalResponse(host, id, 403);
        assertEquals("http_auth_failed", reply.details());
        assertEquals("access denied\n", reply.text());
        assertEquals(List.of("access denied: the auth call failed"), host.getWarnLogs());
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void anAuthClusterTheProxyDoesNotKnowForbidsEveryRequest(HostEmulator host) {
        host.withClusters("something-else");
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(id, REQUEST, true));

        SentLocalResponse reply = assertLocalResponse(host, id, 403);
        assertEquals("http_auth_unavailable", reply.details());
        assertEquals(List.of("auth"), host.getRefusedCalls());
        assertEquals(1, host.getWarnLogs().size(), host.getWarnLogs()::toString);
        assertTrue(host.getWarnLogs().get(0).startsWith("access denied: proxy_http_call to cluster auth was refused:"
                + " BAD_ARGUMENT"), host.getWarnLogs().get(0));
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void anAnswerAfterTheClientWentAwayIsDroppedQuietly(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, REQUEST, true);
        HttpCallout call = host.getHttpCallouts().get(0);

        host.completeHttpContext(id);
        host.callOnHttpCallResponse(call.token(), List.of(new Header(":status", "200"), new Header("x-user", "alice")),
                new byte[0], List.of());

        assertEquals(List.of(), host.getInfoLogs());
        assertEquals(List.of(), host.getErrorLogs());
    }
}
