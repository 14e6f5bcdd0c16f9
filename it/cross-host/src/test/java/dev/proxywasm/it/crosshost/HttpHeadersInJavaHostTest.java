package dev.proxywasm.it.crosshost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.WasmModule;
import io.roastedroot.proxywasm.internal.Action;
import io.roastedroot.proxywasm.internal.ProxyMap;
import io.roastedroot.proxywasm.internal.ProxyWasm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The http-headers sample in proxy-wasm-java-host, checked with the expectations that host's own
 * test suite uses for the Go SDK's http_headers example: the two modules behave the same.
 */
class HttpHeadersInJavaHostTest {
    private static final WasmModule MODULE = Modules.load("http-headers");

    private final RecordingHandler host = new RecordingHandler();

    @Test
    void requestGetsTestHeaderAndEveryHeaderIsLogged() throws Exception {
        int id;
        try (ProxyWasm proxyWasm = ProxyWasm.builder().withPluginHandler(host).build(MODULE)) {
            try (var stream = proxyWasm.createHttpContext(host)) {
                id = stream.id();
                host.requestHeaders = ProxyMap.of("key1", "value1", "key2", "value2");

                assertEquals(Action.CONTINUE, stream.callOnRequestHeaders(false));

                assertEquals("best", host.requestHeaders.get("test"));
            }
        }
        assertEquals(List.of(
                        "loading plugin config",
                        "request header --> key1: value1",
                        "request header --> key2: value2",
                        "request header --> test: best",
                        id + " finished"),
                host.logs);
    }

    @Test
    void responseGetsConfiguredHeaderAndCounter() throws Exception {
        host.config("{\"header\": \"x-wasm-header\", \"value\": \"x-value\"}");
        int id;
        try (ProxyWasm proxyWasm = ProxyWasm.builder().withPluginHandler(host).build(MODULE)) {
            try (var stream = proxyWasm.createHttpContext(host)) {
                id = stream.id();
                host.responseHeaders = ProxyMap.of("key1", "value1", "key2", "value2");

                assertEquals(Action.CONTINUE, stream.callOnResponseHeaders(false));
            }
        }
        assertEquals(ProxyMap.of(
                        "key1", "value1",
                        "key2", "value2",
                        "x-proxy-wasm-go-sdk-example", "http_headers",
                        "x-proxy-wasm-counter", "1",
                        "x-wasm-header", "x-value"),
                host.responseHeaders);
        assertEquals(List.of(
                        "loading plugin config",
                        "header from config: x-wasm-header = x-value",
                        "adding header: x-wasm-header=x-value",
                        "response header <-- key1: value1",
                        "response header <-- key2: value2",
                        "response header <-- x-proxy-wasm-go-sdk-example: http_headers",
                        "response header <-- x-proxy-wasm-counter: 1",
                        "response header <-- x-wasm-header: x-value",
                        id + " finished"),
                host.logs);
    }

    @Test
    void counterCountsResponsesAcrossStreams() throws Exception {
        try (ProxyWasm proxyWasm = ProxyWasm.builder().withPluginHandler(host).build(MODULE)) {
            for (int i = 1; i <= 3; i++) {
                host.responseHeaders = ProxyMap.of("key1", "value1");
                try (var stream = proxyWasm.createHttpContext(host)) {
                    assertEquals(Action.CONTINUE, stream.callOnResponseHeaders(true));
                }
                assertEquals(String.valueOf(i), host.responseHeaders.get("x-proxy-wasm-counter"));
            }
        }
    }

    @Test
    void invalidConfigurationFailsPluginStartWithOneCriticalLine() {
        host.config("{\"header\": \"x-wasm-header\"}");
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> ProxyWasm.builder().withPluginHandler(host).build(MODULE).close());
        assertTrue(host.logs.contains("plugin configuration rejected: $: header and value come together; found only"
                + " header"), host.logs + " / " + failure);
        assertEquals(1, host.count(io.roastedroot.proxywasm.LogLevel.CRITICAL));
    }
}
