package dev.proxywasm.samples.bodychunk;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class BodyChunkScanTest {

    @ProxyWasmTest
    void cleanChunksPassThrough(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/upload")), false);

        assertEquals(Action.CONTINUE, host.callOnRequestBody(id, "first chunk ", false));
        assertEquals(Action.CONTINUE, host.callOnRequestBody(id, "second chunk", true));

        assertNoLocalResponse(host, id);
    }

    @ProxyWasmTest
    void theChunkWithThePatternIsForbidden(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/upload")), false);

        host.callOnRequestBody(id, "harmless ", false);
        host.callOnRequestBody(id, "contains the pattern here", false);

        assertEquals("forbidden content\n", assertLocalResponse(host, id, 403).text());
        assertEquals(List.of("forbidden pattern found after 34 bytes"), host.getInfoLogs());
    }
}
