package dev.proxywasm.samples.postpone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class PostponeRequestsTest {

    @ProxyWasmTest
    void requestsWaitForTheNextTick(HostEmulator host) {
        assertTrue(host.startPlugin());
        assertEquals(100, host.getTickPeriodMilliseconds());
        int first = host.initializeHttpContext();
        int second = host.initializeHttpContext();

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(first, List.of(new Header(":path", "/a")), true));
        assertEquals(Action.PAUSE, host.callOnRequestHeaders(second, List.of(new Header(":path", "/b")), true));
        assertTrue(host.isRequestPaused(first));

        host.tick();

        assertFalse(host.isRequestPaused(first));
        assertFalse(host.isRequestPaused(second));
        assertEquals(List.of("resumed 2 requests"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void theTickResumesEachHeldStreamThroughItsOwnHandle(HostEmulator host) {
        assertTrue(host.startPlugin());
        int held = host.initializeHttpContext();
        int goneAway = host.initializeHttpContext();
        int last = host.initializeHttpContext();
        host.callOnRequestHeaders(held, List.of(new Header(":path", "/a")), true);
        host.callOnRequestHeaders(goneAway, List.of(new Header(":path", "/b")), true);
        host.completeHttpContext(goneAway);
        host.callOnRequestHeaders(last, List.of(new Header(":path", "/c")), true);
        host.completeHttpContext(last);

        host.tick();

        assertFalse(host.isRequestPaused(held), "resumed from the tick, after other streams' callbacks ran");
        assertEquals(List.of("resumed 1 requests"), host.getInfoLogs());
        assertEquals(List.of(), host.getErrorLogs(), "the streams that ended were let go, not resumed");
    }
}
