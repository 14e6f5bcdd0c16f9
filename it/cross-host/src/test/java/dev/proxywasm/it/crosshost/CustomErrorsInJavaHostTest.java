package dev.proxywasm.it.crosshost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.WasmModule;
import io.roastedroot.proxywasm.internal.Action;
import io.roastedroot.proxywasm.internal.ProxyMap;
import io.roastedroot.proxywasm.internal.ProxyWasm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The custom-errors module in proxy-wasm-java-host rewrites a 503 into the RFC 9457 document. */
class CustomErrorsInJavaHostTest {
    private static final WasmModule MODULE = Modules.load("custom-errors");

    @Test
    void aServiceUnavailableBecomesAProblemDocument() throws Exception {
        RecordingHandler host = new RecordingHandler();
        host.config("{\"targetURLPrefixes\": [\"my-host.com\"]}");
        try (ProxyWasm proxyWasm = ProxyWasm.builder().withPluginHandler(host).build(MODULE)) {
            try (var stream = proxyWasm.createHttpContext(host)) {
                host.requestHeaders = ProxyMap.of(":scheme", "https", ":authority", "my-host.com",
                        ":path", "/orders/7?expand=all", ":method", "GET", "x-request-id", "req-7");
                assertEquals(Action.CONTINUE, stream.callOnRequestHeaders(true));

                host.responseHeaders = ProxyMap.of(":status", "503", "content-type", "text/plain",
                        "content-length", "19");
                assertEquals(Action.CONTINUE, stream.callOnResponseHeaders(false));
                host.responseBody = "upstream overloaded".getBytes(StandardCharsets.UTF_8);
                assertEquals(Action.CONTINUE, stream.callOnResponseBody(true));
            }
        }
        assertEquals("503", host.responseHeaders.get(":status"));
        assertEquals("application/problem+json", host.responseHeaders.get("content-type"));
        assertEquals(null, host.responseHeaders.get("content-length"));
        assertEquals("{\"type\":\"https://datatracker.ietf.org/doc/html/rfc9110#section-15.6.4\","
                + "\"title\":\"service mesh returned an error\",\"status\":503,\"instance\":\"/orders/7\","
                + "\"trace_id\":\"req-7\",\"detail\":\"upstream overloaded\"}",
                new String(host.responseBody, StandardCharsets.UTF_8));
        assertEquals(List.of("Response eligible for modification to rfc9457 format",
                "Successfully transformed the response to rfc9457 format"), host.logs);
    }
}
