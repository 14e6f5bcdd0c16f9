package dev.proxywasm.samples.httpheaders;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

/** The Go SDK's examples/http_headers/main_test.go, run on the JVM and through the compiled module. */
class HttpHeadersTest {
    private static final String CONFIG = "{\"header\": \"x-wasm-header\", \"value\": \"x-value\"}";

    @ProxyWasmTest
    void onHttpRequestHeaders(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        Action action = host.callOnRequestHeaders(id,
                List.of(new Header("key1", "value1"), new Header("key2", "value2")), false);

        assertEquals(Action.CONTINUE, action);
        assertHeader(host.getCurrentRequestHeaders(id), "test", "best");
        host.completeHttpContext(id);
        assertEquals(List.of(
                "request header --> key1: value1",
                "request header --> key2: value2",
                "request header --> test: best",
                id + " finished"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void onHttpResponseHeaders(HostEmulator host) {
        assertTrue(host.withPluginConfiguration(CONFIG).startPlugin());
        int id = host.initializeHttpContext();

        Action action = host.callOnResponseHeaders(id,
                List.of(new Header("key1", "value1"), new Header("key2", "value2")), false);

        assertEquals(Action.CONTINUE, action);
        assertEquals(List.of(
                new Header("key1", "value1"),
                new Header("key2", "value2"),
                new Header("x-proxy-wasm-go-sdk-example", "http_headers"),
                new Header("x-proxy-wasm-counter", "1"),
                new Header("x-wasm-header", "x-value")), host.getCurrentResponseHeaders(id));
        host.completeHttpContext(id);
        assertEquals(List.of("loading plugin config"), host.getDebugLogs());
        assertEquals(List.of(
                "header from config: x-wasm-header = x-value",
                "adding header: x-wasm-header=x-value",
                "response header <-- key1: value1",
                "response header <-- key2: value2",
                "response header <-- x-proxy-wasm-go-sdk-example: http_headers",
                "response header <-- x-proxy-wasm-counter: 1",
                "response header <-- x-wasm-header: x-value",
                id + " finished"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void counterIsSharedByTheStreamsOfOnePlugin(HostEmulator host) {
        assertTrue(host.startPlugin());
        for (int i = 1; i <= 3; i++) {
            int id = host.initializeHttpContext();
            host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);
            assertHeader(host.getCurrentResponseHeaders(id), "x-proxy-wasm-counter", Integer.toString(i));
            host.completeHttpContext(id);
        }
    }

    @ProxyWasmTest
    void configurationWithoutValueFailsPluginStart(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("{\"header\": \"x-wasm-header\"}").startPlugin());

        assertEquals(List.of("plugin configuration rejected: $: header and value come together; found only header"),
                host.getCriticalLogs());
    }

    @ProxyWasmTest
    void malformedConfigurationFailsPluginStart(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("{\"header\": ").startPlugin());

        assertEquals(List.of("plugin configuration rejected: $.header: expected a string, found the end of the"
                + " configuration"), host.getCriticalLogs());
    }

    @ProxyWasmTest
    void anUnknownKeyFailsPluginStart(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("{\"header\": \"a\", \"value\": \"b\", \"valeu\": \"c\"}").startPlugin());

        assertEquals(List.of("plugin configuration rejected: $.valeu: unknown key; expected one of header, value"),
                host.getCriticalLogs());
    }
}
