package dev.proxywasm.samples.grpcstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.GrpcCall;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

class GrpcStreamLogTest {
    private static List<String> sent(GrpcCall call) {
        return call.sentMessages().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private static void request(HostEmulator host, String method, String path) {
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":method", method), new Header(":path", path)), true);
        host.completeHttpContext(id);
    }

    @ProxyWasmTest
    void everyRequestGoesDownOneStream(HostEmulator host) {
        assertTrue(host.startPlugin());
        request(host, "GET", "/a");
        request(host, "POST", "/b");

        GrpcCall stream = host.getGrpcCalls().get(0);
        assertTrue(stream.isStream());
        assertEquals("logs.v1.Collector", stream.serviceName());
        assertEquals(List.of("GET /a", "POST /b"), sent(stream));
    }

    @ProxyWasmTest
    void aClosedStreamIsReopenedOnTheNextRequest(HostEmulator host) {
        assertTrue(host.startPlugin());
        int first = host.getGrpcCalls().get(0).token();

        host.callOnGrpcClose(first, 14, "unavailable");
        request(host, "GET", "/c");

        GrpcCall reopened = host.getGrpcCalls().get(0);
        assertEquals(List.of("GET /c"), sent(reopened));
        assertEquals(List.of("collector stream closed: UNAVAILABLE unavailable"), host.getWarnLogs());
    }

    @ProxyWasmTest
    void shutdownHalfClosesAndClosesTheStream(HostEmulator host) {
        assertTrue(host.startPlugin());

        assertTrue(host.finishPlugin());

        GrpcCall stream = host.getGrpcCalls().get(0);
        assertTrue(stream.sentEndOfStream());
        assertTrue(stream.isClosed());
    }

    @ProxyWasmTest
    void aStopFromTheCollectorCancelsTheStream(HostEmulator host) {
        assertTrue(host.startPlugin());
        GrpcCall stream = host.getGrpcCalls().get(0);

        host.callOnGrpcReceive(stream.token(), "stop".getBytes(StandardCharsets.UTF_8));
        request(host, "GET", "/d");

        assertTrue(stream.isCancelled());
        assertEquals(2, host.getGrpcCalls().size());
        assertEquals(List.of("GET /d"), sent(host.getGrpcCalls().get(1)));
    }
}
