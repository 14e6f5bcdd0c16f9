package dev.proxywasm.samples.shareddata;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class SharedCounterTest {

    @ProxyWasmTest
    void countsEveryRequestInSharedDataAndAsAMetric(HostEmulator host) {
        assertTrue(host.startPlugin());
        for (int i = 1; i <= 3; i++) {
            int id = host.initializeHttpContext();
            host.callOnRequestHeaders(id, List.of(new Header(":path", "/")), true);
            assertHeader(host.getCurrentRequestHeaders(id), "x-request-count", Integer.toString(i));
        }
        assertArrayEquals("3".getBytes(), host.getSharedData(SharedCounter.KEY));
        assertEquals(3, host.getMetric("shared_counter_requests_total"));
        assertEquals(3, host.getMetric("shared_counter_last_count"));
    }

    @ProxyWasmTest
    void continuesFromWhatOtherWorkersCounted(HostEmulator host) {
        assertTrue(host.startPlugin());
        host.setSharedData(SharedCounter.KEY, "41".getBytes());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/")), true);

        assertHeader(host.getCurrentRequestHeaders(id), "x-request-count", "42");
    }
}
