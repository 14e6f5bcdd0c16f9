package dev.proxywasm.samples.callouttick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class CalloutOnTickTest {

    @ProxyWasmTest
    void eachTickFetchesTheConfigIntoSharedData(HostEmulator host) {
        assertTrue(host.startPlugin());
        assertEquals(5000, host.getTickPeriodMilliseconds());

        host.tick();
        host.tick();

        assertEquals(1, host.getHttpCallouts().size(), "no second call while one is in flight");
        host.callOnHttpCallResponse(host.getHttpCallouts().get(0).token(), List.of(new Header(":status", "200")),
                "{\"limit\": 10}".getBytes(), List.of());
        assertArrayEquals("{\"limit\": 10}".getBytes(), host.getSharedData(CalloutOnTick.KEY));
        assertEquals(List.of("remote config updated: {\"limit\": 10}"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void shutdownWaitsForTheCallInFlight(HostEmulator host) {
        assertTrue(host.startPlugin());
        host.tick();

        assertFalse(host.finishPlugin());
        host.callOnHttpCallResponse(host.getHttpCallouts().get(0).token(), List.of(new Header(":status", "500")),
                new byte[0], List.of());

        assertEquals(1, host.getDoneCalls());
        assertEquals(List.of("remote config unavailable: 500"), host.getWarnLogs());
    }

    @ProxyWasmTest
    void aRefusedCallIsTriedAgainOnTheNextTick(HostEmulator host) {
        host.withClusters("auth");
        assertTrue(host.startPlugin());

        assertTrue(host.tick());
        assertEquals(List.of(), host.getHttpCallouts());
        assertEquals(1, host.getWarnLogs().size(), host.getWarnLogs()::toString);
        assertTrue(host.getWarnLogs().get(0).startsWith("remote config unavailable: proxy_http_call to cluster config"
                + " was refused: BAD_ARGUMENT"), host.getWarnLogs().get(0));

        host.withClusters("auth", "config");
        assertTrue(host.tick());

        assertEquals(1, host.getHttpCallouts().size(), "the refusal did not stop the ticks' calls");
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void aFailedCallIsTriedAgainOnTheNextTick(HostEmulator host) {
        assertTrue(host.startPlugin());
        host.tick();

        host.callOnHttpCallFailure(host.getHttpCallouts().get(0).token());
        host.tick();

        assertEquals(List.of("remote config unavailable: the call failed"), host.getWarnLogs());
        assertEquals(1, host.getHttpCallouts().size());
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void shutdownFinishesWhenTheCallInFlightFails(HostEmulator host) {
        assertTrue(host.startPlugin());
        host.tick();

        assertFalse(host.finishPlugin());
        host.callOnHttpCallFailure(host.getHttpCallouts().get(0).token());

        assertEquals(1, host.getDoneCalls());
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void shutdownAfterARefusedCallFinishesAtOnce(HostEmulator host) {
        host.withClusters();
        assertTrue(host.startPlugin());
        host.tick();

        assertTrue(host.finishPlugin());
    }
}
