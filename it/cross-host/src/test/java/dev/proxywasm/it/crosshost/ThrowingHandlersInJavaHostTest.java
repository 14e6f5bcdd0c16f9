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
 * A plugin that throws on every request, driven through 2,000 requests: each request is refused
 * with a 500 local reply (the default, fail closed), each failure is one error log naming the
 * plugin method and the exception, and the VM never traps (a trap would fail every later call, and
 * would leak shadow stack until calls fail outright).
 */
class ThrowingHandlersInJavaHostTest {
    private static final WasmModule MODULE = Modules.load("throwing-plugin");
    private static final int REQUESTS = 2_000;
    private static final String FAILED = "proxy_on_request_headers failed in ThrowingPlugin.Exchange.request: ";
    private static final String REFUSED = "; the stream gets a 500 (fail closed)";

    @Test
    void everyRequestIsRefusedAndEveryFailureIsLogged() throws Exception {
        RecordingHandler host = new RecordingHandler();
        try (ProxyWasm proxyWasm = ProxyWasm.builder().withPluginHandler(host).build(MODULE)) {
            for (int i = 0; i < REQUESTS; i++) {
                host.requestHeaders = ProxyMap.of(":path", "/" + i);
                host.responseHeaders = ProxyMap.of(":status", "200");
                try (var stream = proxyWasm.createHttpContext(host)) {
                    assertEquals(Action.PAUSE, stream.callOnRequestHeaders(true), "request " + i);
                    assertEquals(Action.CONTINUE, stream.callOnResponseHeaders(true), "response " + i);
                }
                assertEquals(String.valueOf(i + 1), host.responseHeaders.get("x-requests-seen"),
                        "the plugin kept running after request " + i);
            }
        }
        assertEquals(REQUESTS, host.count(LogLevel.ERROR));
        assertEquals(REQUESTS, host.localReplyStatuses.stream().filter(s -> s == 500).count());
        assertEquals(REQUESTS, host.localReplyDetails.stream()
                .filter("proxy_wasm_exception{ThrowingPlugin}"::equals).count());
        assertEquals(REQUESTS / 4, host.logs.stream()
                .filter(l -> l.equals(FAILED + "java.lang.NullPointerException" + REFUSED)).count());
        assertEquals(REQUESTS / 4, host.logs.stream()
                .filter(l -> l.startsWith(FAILED + "java.lang.ArrayIndexOutOfBoundsException"))
                .count());
        assertEquals(REQUESTS / 4, host.logs.stream()
                .filter(l -> l.startsWith(FAILED + "java.lang.ClassCastException")).count());
        assertTrue(host.logs.contains(FAILED + "dev.proxywasm.it.throwing.ThrowingPlugin$PluginBug: request 3 rejected"
                + REFUSED), host.logs.get(3));
    }
}
