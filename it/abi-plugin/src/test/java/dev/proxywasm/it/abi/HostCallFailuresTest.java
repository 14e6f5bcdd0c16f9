package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertFailureLogged;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.testing.HostCallFailures;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import dev.proxywasm.testing.ProxyWasmTest;
import dev.proxywasm.testing.SentLocalResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HostEmulator#withHostCallFailures}: Envoy's failing host calls, the same in both modes. */
class HostCallFailuresTest {
    private static final WasmResult[] ENVOY_FAILURES = {WasmResult.NOT_FOUND, WasmResult.BAD_ARGUMENT,
            WasmResult.SERIALIZATION_FAILURE, WasmResult.INTERNAL_FAILURE};
    private static final List<String> OPERATIONS = List.of("log", "property", "shared", "queue", "metrics", "foreign",
            "local-reply", "body", "replace-body", "pairs", "remove", "replace", "size", "close", "attributes", "none");

    private static List<Header> op(String op) {
        return List.of(new Header(":path", "/" + op), new Header("x-op", op));
    }

    @Test
    void bothModesFailTheSameCallsTheSameWay() {
        List<String> jvm = transcript(Mode.JVM, 0.25, 3);
        List<String> wasm = transcript(Mode.WASM, 0.25, 3);

        assertTrue(jvm.stream().anyMatch(line -> line.contains("HostCallException")), jvm::toString);
        assertEquals(jvm, wasm);
    }

    @Test
    void theSameSeedFailsTheSameCalls() {
        assertEquals(transcript(Mode.WASM, 0.25, 3), transcript(Mode.WASM, 0.25, 3));
        assertNotEquals(transcript(Mode.WASM, 0.25, 3), transcript(Mode.WASM, 0.25, 4));
    }

    /** Every operation of the exerciser, three times over, with a fraction of its host calls failing. */
    private static List<String> transcript(Mode mode, double rate, long seed) {
        List<String> out = new ArrayList<>();
        try (HostEmulator host = HostEmulator.create(mode, HostCallFailuresTest.class.getClassLoader())) {
            host.withPluginConfiguration("{}").withCurrentTimeNanos(1L)
                    .withForeignFunction("reverse", b -> new StringBuilder(new String(b, StandardCharsets.UTF_8))
                            .reverse().toString().getBytes(StandardCharsets.UTF_8));
            out.add("started " + host.startPlugin());
            host.withHostCallFailures(rate, seed, ENVOY_FAILURES);
            for (int round = 0; round < 3; round++) {
                for (String op : OPERATIONS) {
                    int id = host.initializeHttpContext();
                    List<Header> request = new ArrayList<>(op(op));
                    request.add(new Header("x-message", "m"));
                    request.add(new Header("x-arg", "abc"));
                    request.add(new Header("x-remove-me", "1"));
                    request.add(new Header("x-attributes", "request.path,source.address,response.code"));
                    out.add(op + " request " + host.callOnRequestHeaders(id, request, false));
                    out.add(op + " body " + host.callOnRequestBody(id, "chunk", true));
                    out.add(op + " response " + host.callOnResponseHeaders(id, List.of(new Header(":status", "200")),
                            false) + host.callOnResponseBody(id, "upstream", true));
                    out.add(op + " request headers " + host.getCurrentRequestHeaders(id));
                    out.add(op + " response " + host.getCurrentResponseHeaders(id) + " "
                            + host.getCurrentResponseBodyText(id));
                    SentLocalResponse reply = host.getSentLocalResponse(id);
                    out.add(op + " local reply " + (reply == null ? "none" : reply.status() + " " + reply.text()));
                    host.completeHttpContext(id);
                }
            }
            assertFalse(host.isVmFailed(), () -> "trapped: " + host.getTrap());
            // On the JVM a failure line goes on with the exception's stack; the module has none.
            host.getAllLogs().forEach(line -> out.add(line.lines().findFirst().orElse("")));
            out.add("failed " + host.getInjectedFailures() + " of " + host.getFailureEligibleCalls());
        }
        return out;
    }

    @ProxyWasmTest
    void aFailedCallDoesNothingAndItsCodeReachesThePlugin(HostEmulator host) {
        assertTrue(host.startPlugin());
        host.withHostCallFailures(1, 1, "proxy_add_header_map_value"::equals, WasmResult.BAD_ARGUMENT);
        int id = host.initializeHttpContext();

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(id, op("time"), true));

        assertNoHeader(host.getCurrentRequestHeaders(id), "x-time");
        assertLocalResponse(host, id, 500);
        // The 500 passes through the plugin's response headers callback, whose own add fails too.
        assertEquals(List.of("proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " dev.proxywasm.runtime.HostCallException: proxy_add_header_map_value returned BAD_ARGUMENT;"
                + " the stream gets a 500 (fail closed)",
                "proxy_on_response_headers failed in AbiExerciser.Exchange.responseHeaders:"
                + " dev.proxywasm.runtime.HostCallException: proxy_add_header_map_value returned BAD_ARGUMENT;"
                + " the stream was already refused"), firstLines(host.getErrorLogs()));
        assertEquals(Map.of("proxy_add_header_map_value", 2L), host.getInjectedFailures());
    }

    @ProxyWasmTest
    void notFoundIsTheCallsAbsentResult(HostEmulator host) {
        assertTrue(host.startPlugin());
        host.withHostCallFailures(1, 1, "proxy_get_header_map_value"::equals, WasmResult.NOT_FOUND);
        int id = host.initializeHttpContext();

        assertEquals(Action.CONTINUE, host.callOnRequestHeaders(id, op("none"), true));
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);

        assertHeader(host.getCurrentResponseHeaders(id), "x-op-seen", "null");
        assertTrue(host.getErrorLogs().isEmpty(), () -> host.getErrorLogs().toString());
    }

    /** Even at rate 1, logging and the clock work: Envoy fails them only for malformed calls. */
    @ProxyWasmTest
    void callsEnvoyDoesNotFailAreNeverFailed(HostEmulator host) {
        assertTrue(host.startPlugin());
        host.withHostCallFailures(1, 1, WasmResult.INTERNAL_FAILURE);
        int id = host.initializeHttpContext();

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(id, op("log"), true));

        // The failure line itself is a proxy_log call.
        assertFailureLogged(host, "proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " dev.proxywasm.runtime.HostCallException: proxy_get_header_map_value returned INTERNAL_FAILURE;"
                + " the stream gets a 500 (fail closed)");
        for (String function : host.getInjectedFailures().keySet()) {
            assertFalse(HostCallFailures.NEVER_FAILED.contains(function), function);
        }
        // The 500 failed too, and so did closing the stream instead: the stream got nothing from the plugin.
        assertEquals(Map.of("proxy_get_header_map_value", 1L, "proxy_send_local_response", 1L,
                "proxy_close_stream", 1L), host.getInjectedFailures());
        assertFalse(host.isVmFailed());
    }

    private static List<String> firstLines(List<String> lines) {
        return lines.stream().map(line -> line.lines().findFirst().orElse("")).toList();
    }

    @Test
    void nonsenseIsRefused() {
        try (HostEmulator host = HostEmulator.create(Mode.JVM, HostCallFailuresTest.class.getClassLoader())) {
            assertThrows(IllegalArgumentException.class, () -> host.withHostCallFailures(1.5, 1, ENVOY_FAILURES));
            assertThrows(IllegalArgumentException.class, () -> host.withHostCallFailures(0.1, 1));
            assertThrows(IllegalArgumentException.class, () -> host.withHostCallFailures(0.1, 1, WasmResult.OK));
        }
    }
}
