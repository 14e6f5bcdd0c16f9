package dev.proxywasm.samples.parallel;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
