package dev.proxywasm.samples.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class RequestMetricsTest {
    private static void request(HostEmulator host, String value) {
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, value == null ? List.of(new Header(":path", "/"))
                : List.of(new Header(":path", "/"), new Header("my-custom-header", value)), true);
        host.completeHttpContext(id);
    }

    @ProxyWasmTest
    void countsPerTagValue(HostEmulator host) {
        assertTrue(host.startPlugin());

        request(host, "foo");
        request(host, "foo");
        request(host, "bar");
        request(host, null);

        assertEquals(2, host.getMetric("proxy_wasm_java.request_counter_custom_header_value=foo"));
        assertEquals(1, host.getMetric("proxy_wasm_java.request_counter_custom_header_value=bar"));
        assertEquals(1, host.getMetric("proxy_wasm_java.request_counter_custom_header_value=none"));
    }
}
