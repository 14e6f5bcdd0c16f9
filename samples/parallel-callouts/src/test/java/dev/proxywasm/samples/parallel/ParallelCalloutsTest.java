package dev.proxywasm.samples.parallel;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
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

class ParallelCalloutsTest {

    @ProxyWasmTest
    void resumesWhenTheLastOfThreeAnswers(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/product/7")), true);

        List<HttpCallout> calls = host.getHttpCallouts();
        assertEquals(List.of("inventory", "pricing", "reviews"), calls.stream().map(HttpCallout::upstream).toList());
        host.callOnHttpCallResponse(calls.get(1).token(), List.of(new Header(":status", "200")), new byte[0], List.of());
        host.callOnHttpCallResponse(calls.get(0).token(), List.of(new Header(":status", "503")), new byte[0], List.of());
        assertTrue(host.isRequestPaused(id));
        host.callOnHttpCallResponse(calls.get(2).token(), List.of(new Header(":status", "200")), new byte[0], List.of());

        assertFalse(host.isRequestPaused(id));
        assertHeader(host.getCurrentRequestHeaders(id), "x-upstreams", "pricing=200,inventory=503,reviews=200");
    }

    @ProxyWasmTest
    void aFailedCallCountsAsAnswered(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/product/7")), true);

        List<HttpCallout> calls = host.getHttpCallouts();
        host.callOnHttpCallResponse(calls.get(0).token(), List.of(new Header(":status", "200")), new byte[0], List.of());
        host.callOnHttpCallFailure(calls.get(1).token());
        host.callOnHttpCallResponse(calls.get(2).token(), List.of(new Header(":status", "200")), new byte[0], List.of());

        assertFalse(host.isRequestPaused(id));
        assertNoLocalResponse(host, id);
        assertHeader(host.getCurrentRequestHeaders(id), "x-upstreams", "inventory=200,pricing=failed,reviews=200");
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void aClusterTheProxyDoesNotKnowIsReportedWithoutHoldingTheRequest(HostEmulator host) {
        host.withClusters("inventory", "pricing");
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/product/7")), true);

        List<HttpCallout> calls = host.getHttpCallouts();
        assertEquals(2, calls.size());
        host.callOnHttpCallResponse(calls.get(0).token(), List.of(new Header(":status", "200")), new byte[0], List.of());
        assertTrue(host.isRequestPaused(id));
        host.callOnHttpCallResponse(calls.get(1).token(), List.of(new Header(":status", "200")), new byte[0], List.of());

        assertFalse(host.isRequestPaused(id));
        assertNoLocalResponse(host, id);
        assertHeader(host.getCurrentRequestHeaders(id), "x-upstreams", "reviews=refused,inventory=200,pricing=200");
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void noClusterKnownResumesAtOnce(HostEmulator host) {
        host.withClusters();
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        assertEquals(Action.CONTINUE, host.callOnRequestHeaders(id, List.of(new Header(":path", "/product/7")), true));

        assertHeader(host.getCurrentRequestHeaders(id), "x-upstreams", "inventory=refused,pricing=refused,reviews=refused");
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void answersAfterTheClientWentAwayAreDroppedQuietly(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/product/7")), true);
        List<HttpCallout> calls = host.getHttpCallouts();
        host.callOnHttpCallResponse(calls.get(0).token(), List.of(new Header(":status", "200")), new byte[0], List.of());

        host.completeHttpContext(id);
        host.callOnHttpCallResponse(calls.get(1).token(), List.of(new Header(":status", "200")), new byte[0], List.of());
        host.callOnHttpCallFailure(calls.get(2).token());

        assertEquals(List.of(), host.getInfoLogs());
        assertEquals(List.of(), host.getErrorLogs());
    }
}
