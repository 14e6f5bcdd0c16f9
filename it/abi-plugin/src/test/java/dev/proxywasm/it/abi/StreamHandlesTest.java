package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertFailureLogged;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

/**
 * Handles are bound to their stream: an {@code HttpStream} the plugin keeps ({@code x-op: keep})
 * acts on that stream from another stream's callback and from a tick, whichever stream ran last,
 * and fails with a clear error, through the failure policy, once its stream has ended.
 */
class StreamHandlesTest {
    private static List<Header> op(String op) {
        return List.of(new Header(":path", "/" + op), new Header("x-op", op));
    }

    @ProxyWasmTest
    void aKeptHandleActsOnItsOwnStreamFromAnotherStreamAndFromATick(HostEmulator host) {
        assertTrue(host.startPlugin());
        int kept = host.initializeHttpContext();
        int other = host.initializeHttpContext();
        int last = host.initializeHttpContext();
        assertEquals(Action.PAUSE, host.callOnRequestHeaders(kept, op("keep"), true));

        assertEquals(Action.CONTINUE, host.callOnRequestHeaders(other, op("use-kept"), true));
        assertEquals(Action.PAUSE, host.callOnRequestHeaders(last, op("pause"), true));
        assertTrue(host.tick());

        assertHeader(host.getCurrentRequestHeaders(kept), "x-touched-by", "stream " + other);
        assertHeader(host.getCurrentRequestHeaders(kept), "x-resumed-by", "tick 1");
        assertFalse(host.isRequestPaused(kept));
        assertNoHeader(host.getCurrentRequestHeaders(other), "x-touched-by");
        assertHeader(host.getCurrentRequestHeaders(other), "x-own", "after the kept stream's");
        assertHeader(host.getCurrentRequestHeaders(other), "x-same-handle", "true");
        assertNoHeader(host.getCurrentRequestHeaders(last), "x-resumed-by");
        assertTrue(host.isRequestPaused(last), "the stream whose callback ran last is still paused");
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void aFailureAfterActingOnAnotherStreamRefusesTheFailingStream(HostEmulator host) {
        assertTrue(host.startPlugin());
        int kept = host.initializeHttpContext();
        int failing = host.initializeHttpContext();
        host.callOnRequestHeaders(kept, op("keep"), true);

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(failing, op("use-kept-then-throw"), true));

        assertLocalResponse(host, failing, 500);
        assertHeader(host.getCurrentRequestHeaders(kept), "x-touched-by", "stream " + failing);
        assertNoLocalResponse(host, kept);
        assertTrue(host.isRequestPaused(kept));
        assertFailureLogged(host, "proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " java.lang.IllegalStateException: after touching the kept stream; the stream gets a 500 (fail"
                + " closed)");
    }

    @ProxyWasmTest
    void aKeptHandleFailsInATickOnceItsStreamEnded(HostEmulator host) {
        assertTrue(host.startPlugin());
        int kept = host.initializeHttpContext();
        host.callOnRequestHeaders(kept, op("keep"), true);
        host.completeHttpContext(kept);

        assertTrue(host.tick());

        assertFailureLogged(host, "proxy_on_tick failed in AbiExerciser.tick: java.lang.IllegalStateException:"
                + " this HTTP stream (context " + kept + ") has ended; keep values, not handles");
    }

    @ProxyWasmTest
    void aKeptHandleFailsTheStreamThatUsesItOnceItsOwnEnded(HostEmulator host) {
        assertTrue(host.startPlugin());
        int kept = host.initializeHttpContext();
        host.callOnRequestHeaders(kept, op("keep"), true);
        host.completeHttpContext(kept);
        int other = host.initializeHttpContext();

        assertEquals(Action.PAUSE, host.callOnRequestHeaders(other, op("use-kept"), true));

        assertLocalResponse(host, other, 500);
        assertFailureLogged(host, "proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " java.lang.IllegalStateException: this HTTP stream (context " + kept + ") has ended; keep values,"
                + " not handles; the stream gets a 500 (fail closed)");
    }
}
