package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLogContains;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.HttpCallout;
import dev.proxywasm.testing.ProxyWasmTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths Envoy takes when things go wrong around callouts, gRPC calls and ticks, as the emulator
 * produces them, with the exerciser plugin in both modes.
 */
class UnhappyPathsTest {

    private static int request(HostEmulator host, String op, String... headerPairs) {
        if (host.getInfoLogs().stream().noneMatch(l -> l.startsWith("configured"))) {
            assertTrue(host.startPlugin());
        }
        int id = host.initializeHttpContext();
        List<Header> headers = new ArrayList<>(List.of(new Header(":path", "/"), new Header("x-op", op)));
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(new Header(headerPairs[i], headerPairs[i + 1]));
        }
        host.callOnRequestHeaders(id, headers, false);
        return id;
    }

    private static void assertNoErrors(HostEmulator host) {
        assertEquals(List.of(), host.getErrorLogs());
        assertEquals(List.of(), host.getCriticalLogs());
    }

    @ProxyWasmTest
    void aFailedCalloutReachesThePluginAsAFailureWithoutHeadersOrBody(HostEmulator host) {
        int id = request(host, "callout", "x-user", "alice");
        HttpCallout call = host.getHttpCallouts().get(0);

        host.callOnHttpCallFailure(call.token());

        assertFalse(host.isRequestPaused(id), "the callback ran and resumed the request");
        assertHeader(host.getCurrentRequestHeaders(id), "x-callout-status", "null failed=true trailers=[]");
        assertHeader(host.getCurrentRequestHeaders(id), "x-callout", "null/");
        assertLogContains(host.getInfoLogs(), "callout " + call.token() + ": 0 headers, 0 bytes, 0 trailers");
        assertTrue(host.getHttpCallouts().isEmpty());
        assertNoErrors(host);
    }

    @ProxyWasmTest
    void duringAFailureTheResponseMapsDoNotExistAndTheStatusIsBrokenConnection(HostEmulator host) {
        int id = request(host, "callout-raw");

        host.callOnHttpCallFailure(host.getHttpCallouts().get(0).token());

        assertHeader(host.getCurrentRequestHeaders(id), "x-raw",
                "value=BAD_ARGUMENT;pairs=0;body=null;trailer=BAD_ARGUMENT;status=11 reset");
    }

    @ProxyWasmTest
    void anAnswerWithoutTrailersHasNoTrailerMap(HostEmulator host) {
        int id = request(host, "callout-raw");

        host.callOnHttpCallResponse(host.getHttpCallouts().get(0).token(), List.of(new Header(":status", "200")),
                "pong".getBytes(StandardCharsets.UTF_8), List.of());

        assertHeader(host.getCurrentRequestHeaders(id), "x-raw",
                "value=200;pairs=1;body=pong;trailer=BAD_ARGUMENT;status=0 ");
    }

    @ProxyWasmTest
    void aCalloutToAClusterTheProxyDoesNotKnowIsRefused(HostEmulator host) {
        host.withClusters("auth_cluster");
        int known = request(host, "callout");
        int unknown = request(host, "callout", "x-cluster", "billing");

        assertTrue(host.isRequestPaused(known));
        assertEquals(1, host.getHttpCallouts().size());
        assertFalse(host.isRequestPaused(unknown));
        assertHeader(host.getCurrentRequestHeaders(unknown), "x-refused", "proxy_http_call billing BAD_ARGUMENT");
        assertEquals(List.of("billing"), host.getRefusedCalls());
        assertNoErrors(host);
    }

    @ProxyWasmTest
    void everyClusterIsKnownByDefault(HostEmulator host) {
        int id = request(host, "callout", "x-cluster", "anything");

        assertTrue(host.isRequestPaused(id));
        assertEquals("anything", host.getHttpCallouts().get(0).upstream());
        assertEquals(List.of(), host.getRefusedCalls());
    }

    @ProxyWasmTest
    void aRefusedCalloutTheStreamDoesNotHandleFailsTheStreamClosed(HostEmulator host) {
        host.withClusters();
        int id = request(host, "callout-raw");

        assertEquals(500, host.getSentLocalResponse(id).status());
        assertLogContains(host.getErrorLogs(), "proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " dev.proxywasm.api.CalloutRefusedException: proxy_http_call to cluster auth_cluster was refused:"
                + " BAD_ARGUMENT");
    }

    @ProxyWasmTest
    void anAnswerAfterTheClientWentAwayIsDroppedQuietly(HostEmulator host) {
        int id = request(host, "callout");
        HttpCallout call = host.getHttpCallouts().get(0);
        host.completeHttpContext(id);

        host.callOnHttpCallResponse(call.token(), List.of(new Header(":status", "200")), new byte[0], List.of());

        assertFalse(host.getInfoLogs().stream().anyMatch(l -> l.startsWith("callout ")), "the callback did not run");
        assertLogContains(host.getDebugLogs(), "proxy_on_http_call_response: no callback waits for call "
                + call.token());
        assertNoErrors(host);
        assertTheNextStreamIsServed(host);
    }

    @ProxyWasmTest
    void aFailureAfterTheClientWentAwayIsDroppedQuietly(HostEmulator host) {
        int id = request(host, "callout");
        HttpCallout call = host.getHttpCallouts().get(0);
        host.completeHttpContext(id);

        host.callOnHttpCallFailure(call.token());

        assertNoErrors(host);
        assertTheNextStreamIsServed(host);
    }

    private static void assertTheNextStreamIsServed(HostEmulator host) {
        int next = request(host, "none");
        host.callOnResponseHeaders(next, List.of(new Header(":status", "200")), true);
        assertHeader(host.getCurrentResponseHeaders(next), "x-op-seen", "none");
        assertEquals(null, host.getSentLocalResponse(next));
    }

    @ProxyWasmTest
    void aGrpcCallOrStreamToAnUnknownClusterIsRefusedWithParseFailure(HostEmulator host) {
        host.withClusters("grpc_cluster");
        int call = request(host, "grpc", "x-cluster", "nowhere");
        int stream = request(host, "grpc-stream-refused", "x-cluster", "elsewhere");
        int known = request(host, "grpc");

        assertHeader(host.getCurrentRequestHeaders(call), "x-refused", "proxy_grpc_call nowhere PARSE_FAILURE");
        assertHeader(host.getCurrentRequestHeaders(stream), "x-refused", "proxy_grpc_stream elsewhere PARSE_FAILURE");
        assertNoHeader(host.getCurrentRequestHeaders(known), "x-refused");
        assertEquals(1, host.getGrpcCalls().size());
        assertEquals(List.of("nowhere", "elsewhere"), host.getRefusedCalls());
        assertNoErrors(host);
    }

    @ProxyWasmTest
    void aGrpcCallClosedWithAFailureStatusReachesTheHandler(HostEmulator host) {
        request(host, "grpc");
        int token = host.getGrpcCalls().get(0).token();

        host.callOnGrpcClose(token, 14, "upstream connect error");

        assertLogContains(host.getInfoLogs(), "grpc " + token + " closed: UNAVAILABLE upstream connect error");
        assertNoErrors(host);
    }

    @ProxyWasmTest
    void grpcEventsAfterTheClientWentAwayAreDroppedQuietly(HostEmulator host) {
        int id = request(host, "grpc");
        int token = host.getGrpcCalls().get(0).token();
        host.completeHttpContext(id);

        host.callOnGrpcReceiveInitialMetadata(token, List.of(new Header("x-server", "s1")));
        host.callOnGrpcReceive(token, "late".getBytes(StandardCharsets.UTF_8));
        host.callOnGrpcClose(token, 0, "");

        assertFalse(host.getInfoLogs().stream().anyMatch(l -> l.startsWith("grpc ")), host.getInfoLogs()::toString);
        assertNoErrors(host);
    }

    @ProxyWasmTest
    void noTicksBeforeThePluginAsksForThem(HostEmulator host) {
        assertTrue(host.startPlugin());

        assertFalse(host.tick());
        assertFalse(host.getInfoLogs().contains("tick 1"));

        request(host, "tick");
        assertTrue(host.tick());
        assertTrue(host.getInfoLogs().contains("tick 1"));

        request(host, "tick-stop");
        assertEquals(0, host.getTickPeriodMilliseconds());
        assertFalse(host.tick());
        assertFalse(host.getInfoLogs().contains("tick 2"));
    }

    @ProxyWasmTest
    void aPausedRequestStaysPausedUntilTheAnswer(HostEmulator host) {
        int id = request(host, "callout");

        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "held", true));
        host.callOnHttpCallFailure(host.getHttpCallouts().get(0).token());

        assertFalse(host.isRequestPaused(id));
    }
}
