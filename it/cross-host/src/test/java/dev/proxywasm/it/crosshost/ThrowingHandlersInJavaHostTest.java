package dev.proxywasm.it.crosshost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.WasmModule;
import io.roastedroot.proxywasm.LogLevel;
import io.roastedroot.proxywasm.internal.Action;
import io.roastedroot.proxywasm.internal.ProxyMap;
import io.roastedroot.proxywasm.internal.ProxyWasm;
import org.junit.jupiter.api.Test;

/**
 * A plugin that throws on every request, driven through 2,000 requests: each request continues,
 * each failure is one error log naming the exception, and the VM never traps (a trap would fail
 * every later call, and would leak shadow stack until calls fail outright).
 */
class ThrowingHandlersInJavaHostTest {
    private static final WasmModule MODULE = Modules.load("throwing-plugin");
    private static final int REQUESTS = 2_000;

    @Test
    void everyRequestContinuesAndEveryFailureIsLogged() throws Exception {
        RecordingHandler host = new RecordingHandler();
        try (ProxyWasm proxyWasm = ProxyWasm.builder().withPluginHandler(host).build(MODULE)) {
            for (int i = 0; i < REQUESTS; i++) {
                host.requestHeaders = ProxyMap.of(":path", "/" + i);
                host.responseHeaders = ProxyMap.of(":status", "200");
                try (var stream = proxyWasm.createHttpContext(host)) {
                    assertEquals(Action.CONTINUE, stream.callOnRequestHeaders(true), "request " + i);
                    assertEquals(Action.CONTINUE, stream.callOnResponseHeaders(true), "response " + i);
                }
                assertEquals(String.valueOf(i + 1), host.responseHeaders.get("x-requests-seen"),
                        "the plugin kept running after request " + i);
            }
        }
        assertEquals(REQUESTS, host.count(LogLevel.ERROR));
        assertEquals(REQUESTS / 4, host.logs.stream()
                .filter(l -> l.equals("proxy_on_request_headers failed: java.lang.NullPointerException")).count());
        assertEquals(REQUESTS / 4, host.logs.stream()
                .filter(l -> l.startsWith("proxy_on_request_headers failed: java.lang.ArrayIndexOutOfBoundsException"))
                .count());
        assertEquals(REQUESTS / 4, host.logs.stream()
                .filter(l -> l.startsWith("proxy_on_request_headers failed: java.lang.ClassCastException")).count());
        assertTrue(host.logs.contains("proxy_on_request_headers failed: "
                + "dev.proxywasm.it.throwing.ThrowingPlugin$PluginBug: request 3 rejected"), host.logs.get(3));
    }
}
