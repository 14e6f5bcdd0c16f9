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
}
