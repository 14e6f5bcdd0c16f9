package dev.proxywasm.samples.sharedqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

class SharedQueueDemoTest {

    @ProxyWasmTest
    void theReceiverLogsWhatArrives(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("receiver").startPlugin());
        int queue = host.getQueueId(SharedQueueDemo.QUEUE);

        host.enqueue(queue, "/orders".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("received /orders"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void aSenderWithoutReceiverDoesNotStart(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("sender").startPlugin());
        assertEquals(List.of("shared-queue: no receiver has registered http_paths yet"), host.getCriticalLogs());
    }

    @ProxyWasmTest
    void theSenderEnqueuesEachPath(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("receiver").startPlugin());
        int queue = host.getQueueId(SharedQueueDemo.QUEUE);
        assertTrue(host.withPluginConfiguration("sender").startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/a")), true);

        assertEquals(List.of("/a"), host.getQueueContents(queue).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
    }
}
