package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertFailureLogged;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

/**
 * Unbounded recursion cannot be caught in TeaVM's WebAssembly: the stack overflows and the module
 * traps. The emulator then fails the VM as Envoy does. On the JVM the same code throws, and the glue
 * logs it.
 */
class TrapTest {
    private static final List<Header> TRAPPING = List.of(new Header("x-op", "trap"));
    private static final List<Header> HARMLESS = List.of(new Header("x-op", "none"));

    @ProxyWasmTest(modes = Mode.WASM)
    void aTrapFailsTheVmAndLaterStreamsFailClosed(HostEmulator host) {
        assertTrue(host.startPlugin());
        int trapped = host.initializeHttpContext();

        host.callOnRequestHeaders(trapped, TRAPPING, true);

        assertTrue(host.isVmFailed());
        assertEquals("proxy_on_request_headers", host.getTrap().export());
        int next = host.initializeHttpContext();
        assertEquals(Action.PAUSE, host.callOnRequestHeaders(next, HARMLESS, true));
        assertEquals("wasm_fail_stream", assertLocalResponse(host, next, 503).details());
        host.callOnResponseHeaders(next, List.of(new Header(":status", "200")), true);
        assertFalse(host.getCurrentResponseHeaders(next).contains(new Header("x-op-seen", "none")),
                "no callback runs on a failed VM");
    }

    @ProxyWasmTest(modes = Mode.WASM)
    void failOpenLetsLaterStreamsPassUntouched(HostEmulator host) {
        host.withFailOpen(true);
        assertTrue(host.startPlugin());
        host.callOnRequestHeaders(host.initializeHttpContext(), TRAPPING, true);

        int next = host.initializeHttpContext();

        assertEquals(Action.CONTINUE, host.callOnRequestHeaders(next, HARMLESS, true));
        assertNoLocalResponse(host, next);
        host.callOnResponseHeaders(next, List.of(new Header(":status", "200")), true);
        assertEquals(List.of(new Header(":status", "200")), host.getCurrentResponseHeaders(next));
    }

    @ProxyWasmTest(modes = Mode.JVM)
    void onTheJvmTheSameCodeThrowsAndIsLogged(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(id, TRAPPING, true));

        assertNull(host.getTrap());
        assertFailureLogged(host, "proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " java.lang.StackOverflowError; the stream gets a 500 (fail closed)");
    }
}
