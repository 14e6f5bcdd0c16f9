package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertFailureLogged;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The default failure policy, fail closed: a callback that throws costs its own stream a 500 (or a
 * reset once the response has started), names itself in one log line, and the VM serves the next
 * stream as if nothing happened.
 */
class FailurePolicyTest {
    private static final String DETAILS = "proxy_wasm_exception{AbiExerciser}";

    private static int stream(HostEmulator host) {
        if (!host.isVmFailed() && host.getInfoLogs().isEmpty()) {
            assertTrue(host.startPlugin());
        }
        return host.initializeHttpContext();
    }

    private static List<Header> op(String op) {
        return List.of(new Header(":path", "/" + op), new Header("x-op", op));
    }

    private static void assertTheNextStreamIsServed(HostEmulator host) {
        int next = stream(host);
        assertEquals(Action.CONTINUE, host.callOnRequestHeaders(next, op("none"), true));
        host.callOnResponseHeaders(next, List.of(new Header(":status", "200")), true);
        assertNoLocalResponse(host, next);
        assertHeader(host.getCurrentResponseHeaders(next), ":status", "200");
        assertFalse(host.isVmFailed());
    }

    @ProxyWasmTest
    void anExceptionInRequestHeadersRefusesTheStreamWith500(HostEmulator host) {
        int id = stream(host);

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(id, op("throw"), true));

        SentLocalResponse reply = assertLocalResponse(host, id, 500);
        assertEquals(DETAILS, reply.details());
        assertEquals(0, reply.body().length);
        assertFailureLogged(host, "proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " java.lang.IllegalStateException: op throw; the stream gets a 500 (fail closed)");
        assertTheNextStreamIsServed(host);
    }

    @ProxyWasmTest
    void anExceptionInResponseHeadersReplacesTheResponseWith500(HostEmulator host) {
        int id = stream(host);
        host.callOnRequestHeaders(id, op("throw-response-headers"), true);

        assertEquals(Action.PAUSE, host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), false));

        assertEquals(DETAILS, assertLocalResponse(host, id, 500).details());
        assertHeader(host.getCurrentResponseHeaders(id), ":status", "500");
        assertFailureLogged(host, "proxy_on_response_headers failed in AbiExerciser.Exchange.responseHeaders:"
                + " java.lang.IllegalStateException: response headers; the stream gets a 500 (fail closed)");
        assertTheNextStreamIsServed(host);
    }

    @ProxyWasmTest
    void anExceptionOnceTheResponseHasStartedResetsTheStream(HostEmulator host) {
        int id = stream(host);
        host.callOnRequestHeaders(id, op("throw-response-body"), true);
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), false);

        assertEquals(Action.PAUSE, host.callOnResponseBody(id, "partial", false));

        assertTrue(host.isStreamClosed(id));
        assertNoLocalResponse(host, id);
        assertFailureLogged(host, "proxy_on_response_body failed in AbiExerciser.Exchange.responseBody:"
                + " java.lang.IllegalStateException: response body; the stream is reset (fail closed)");
        assertTheNextStreamIsServed(host);
    }

    @ProxyWasmTest
    void anExceptionInACalloutCallbackRefusesTheStreamThatWaitsForIt(HostEmulator host) {
        int id = stream(host);
        assertEquals(Action.PAUSE, host.callOnRequestHeaders(id, op("callout-throw"), true));
        HttpCallout call = host.getHttpCallouts().get(0);

        host.callOnHttpCallResponse(call.token(), List.of(new Header(":status", "200"), new Header("x-verdict", "odd")),
                "no".getBytes(StandardCharsets.UTF_8), List.of());

        assertEquals(DETAILS, assertLocalResponse(host, id, 500).details());
        assertFailureLogged(host, "proxy_on_http_call_response failed in the callback given to the call:"
                + " java.lang.IllegalArgumentException: bad verdict odd; the stream gets a 500 (fail closed)");
        assertTheNextStreamIsServed(host);
    }

    @ProxyWasmTest
    void anExceptionWhileTheRefusalPassesThroughThePluginLetsTheRefusalThrough(HostEmulator host) {
        int id = stream(host);

        host.callOnRequestHeaders(id, op("throw-everywhere"), true);

        assertEquals(DETAILS, assertLocalResponse(host, id, 500).details());
        assertHeader(host.getCurrentResponseHeaders(id), ":status", "500");
        List<String> errors = host.getErrorLogs();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.get(1).startsWith("proxy_on_response_headers failed in AbiExerciser.Exchange.responseHeaders:"
                + " java.lang.IllegalStateException: response headers; the stream was already refused"), errors.get(1));
        assertTheNextStreamIsServed(host);
    }
}
