package dev.proxywasm.it.fault;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertFailureLogged;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Bad input and plugin bugs, through the compiled module: each must leave a clear log line, let
 * the request continue, and let the next request be served normally. The slow sizes run with
 * {@code -Dfaults.full=true}.
 */
class FaultTest {
    private static final boolean FULL = Boolean.getBoolean("faults.full");

    private static List<Header> fault(String fault, String... extra) {
        List<Header> headers = new ArrayList<>(List.of(new Header(":path", "/"), new Header("x-fault", fault)));
        for (int i = 0; i < extra.length; i += 2) {
            headers.add(new Header(extra[i], extra[i + 1]));
        }
        return headers;
    }

    /** One request through both directions; returns its stream id. */
    private static int exchange(HostEmulator host, List<Header> request, byte[] body) {
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, request, body == null);
        if (body != null) {
            host.callOnRequestBody(id, body, true);
        }
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);
        return id;
    }

    private static void nextRequestIsServed(HostEmulator host, int expectedServed) {
        int id = exchange(host, fault("none"), null);
        assertFalse(host.isVmFailed(), () -> "trapped: " + host.getTrap());
        assertHeader(host.getCurrentResponseHeaders(id), "x-served", Integer.toString(expectedServed));
    }

    /** The plugin opted out of the fail-closed default: the failing stream itself goes on. */
    @ProxyWasmTest
    void failingOpenTheStreamThatThrewContinuesToItsResponse(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        assertEquals(Action.CONTINUE, host.callOnRequestHeaders(id, fault("throw"), true));
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);

        assertNoLocalResponse(host, id);
        assertHeader(host.getCurrentResponseHeaders(id), "x-served", "1");
        assertFailureLogged(host, "proxy_on_request_headers failed in FaultPlugin.Exchange.request:"
                + " java.lang.UnsupportedOperationException: fault /; the stream continues (fail open)");
        nextRequestIsServed(host, 2);
    }

    /** WebAssembly's division traps on a zero divisor; Java's throws, and the VM must live on. */
    @ProxyWasmTest
    void dividingByZeroThrowsArithmeticExceptionInsteadOfTrapping(HostEmulator host) {
        assertTrue(host.startPlugin());

        exchange(host, fault("divide", "x-a", "7", "x-b", "0"), null);

        assertFalse(host.isVmFailed(), () -> "trapped: " + host.getTrap());
        assertFailureLogged(host, "proxy_on_request_headers failed in FaultPlugin.Exchange.request:"
                + " java.lang.ArithmeticException: / by zero; the stream continues (fail open)");
        nextRequestIsServed(host, 2);
    }

    @ProxyWasmTest
    void dividingALongByZeroThrowsToo(HostEmulator host) {
        assertTrue(host.startPlugin());

        exchange(host, fault("divide-long", "x-a", "7", "x-b", "0"), null);

        assertFalse(host.isVmFailed(), () -> "trapped: " + host.getTrap());
        assertFailureLogged(host, "proxy_on_request_headers failed in FaultPlugin.Exchange.request:"
                + " java.lang.ArithmeticException: / by zero; the stream continues (fail open)");
        nextRequestIsServed(host, 2);
    }

    /** {@code MIN_VALUE / -1} traps in WebAssembly; in Java it wraps to {@code MIN_VALUE}, remainder 0. */
    @ProxyWasmTest
    void theSmallestValueDividedByMinusOneWrapsAsInJava(HostEmulator host) {
        assertTrue(host.startPlugin());

        int ints = exchange(host, fault("divide", "x-a", Integer.toString(Integer.MIN_VALUE), "x-b", "-1"), null);
        int longs = exchange(host, fault("divide-long", "x-a", Long.toString(Long.MIN_VALUE), "x-b", "-1"), null);
        int ordinary = exchange(host, fault("divide", "x-a", "-7", "x-b", "2"), null);

        assertFalse(host.isVmFailed(), () -> "trapped: " + host.getTrap());
        assertHeader(host.getCurrentRequestHeaders(ints), "x-quotient", Integer.toString(Integer.MIN_VALUE));
        assertHeader(host.getCurrentRequestHeaders(ints), "x-remainder", "0");
        assertHeader(host.getCurrentRequestHeaders(longs), "x-quotient", Long.toString(Long.MIN_VALUE));
        assertHeader(host.getCurrentRequestHeaders(longs), "x-remainder", "0");
        assertHeader(host.getCurrentRequestHeaders(ordinary), "x-quotient", "-3");
        assertHeader(host.getCurrentRequestHeaders(ordinary), "x-remainder", "-1");
    }

    @ProxyWasmTest
    void aThousandAndTwentyFourHeaders(HostEmulator host) {
        assertTrue(host.startPlugin());
        List<Header> many = fault("echo");
        for (int i = many.size(); i < 1024; i++) {
            many.add(new Header("x-h" + i, "v" + i));
        }

        int id = exchange(host, many, null);

        assertHeader(host.getCurrentRequestHeaders(id), "x-header-count", "1024");
        nextRequestIsServed(host, 2);
    }

    @ProxyWasmTest
    void nulAndControlBytesInHeaderNamesAndValues(HostEmulator host) {
        assertTrue(host.startPlugin());
        String value = "a\u0000b\u0001c\u007f\td\r\ne";

        int id = exchange(host, fault("echo", "x-echo-\u0000\u0002", value), null);

        assertHeader(host.getCurrentRequestHeaders(id), "x-echoed-\u0000\u0002", value);
        nextRequestIsServed(host, 2);
    }

    @ProxyWasmTest
    void invalidUtf8InHeaderNamesAndValuesBecomesReplacementCharacters(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaderBytes(id, true,
                ":path".getBytes(), "/".getBytes(),
                "x-fault".getBytes(), "echo".getBytes(),
                "x-echo-\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[] {'a', (byte) 0xff, 'b'},
                new byte[] {'x', '-', 'e', 'c', 'h', 'o', (byte) 0xc3}, new byte[] {(byte) 0xe2, (byte) 0x82});
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);

        assertHeader(host.getCurrentRequestHeaders(id), "x-echoed-\u00e9", "a\uFFFDb");
        assertHeader(host.getCurrentRequestHeaders(id), "x-echoed\uFFFD", "\uFFFD");
        assertHeader(host.getCurrentRequestHeaders(id), "x-header-count", "4");
        nextRequestIsServed(host, 2);
    }

    @ProxyWasmTest
    void aLargeBodyIsReadWhole(HostEmulator host) {
        assertTrue(host.startPlugin());
        int size = FULL ? 100 << 20 : 8 << 20;

        exchange(host, fault("read-body"), new byte[size]);

        assertEquals(List.of("read " + size + " body bytes"), host.getInfoLogs());
        nextRequestIsServed(host, 2);
    }

    /**
     * A body larger than the heap so far makes the heap grow; whatever was allocated before, it must
     * fit. Body sizes 4 bytes apart cover both alignments of the array that TeaVM's growth rounding
     * treats differently: without the build's fix one of the two traps with "Out of memory".
     */
    @ProxyWasmTest(modes = Mode.WASM)
    void theHeapGrowsForALargeBodyWhateverItsAlignment(HostEmulator unused) {
        for (int size : new int[] {(8 << 20) + 4, (8 << 20) + 8, (6 << 20) + 4, (6 << 20) + 8}) {
            try (HostEmulator host = HostEmulator.create(Mode.WASM, FaultTest.class.getClassLoader())) {
                assertTrue(host.startPlugin());

                exchange(host, fault("read-body"), new byte[size]);

                assertFalse(host.isVmFailed(), () -> size + " bytes: " + host.getTrap() + " " + host.getAllLogs());
                assertEquals(List.of("read " + size + " body bytes"), host.getInfoLogs());
            }
        }
    }

    /** The allocator refuses what cannot fit: the host call fails, not the VM. */
    @ProxyWasmTest(modes = Mode.WASM)
    void aBodyLargerThanTheHeapFailsTheHostCallNotTheVm(HostEmulator host) {
        assertTrue(host.startPlugin());
        int size = 200 << 20;

        exchange(host, fault("read-body"), new byte[size]);

        assertFalse(host.isVmFailed(), () -> "trapped: " + host.getTrap());
        assertFailureLogged(host, "proxy_on_request_body failed in FaultPlugin.Exchange.body:"
                + " dev.proxywasm.runtime.HostCallException: proxy_get_buffer_bytes returned INVALID_MEMORY_ACCESS;"
                + " the stream continues (fail open)");
        nextRequestIsServed(host, 2);
    }

    /** TeaVM's out-of-memory is a trap, not an exception: a plugin must bound its own allocations. */
    @ProxyWasmTest(modes = Mode.WASM)
    void aPluginsOwnAllocationBeyondTheHeapTraps(HostEmulator host) {
        assertTrue(host.startPlugin());

        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, fault("allocate", "x-bytes", Integer.toString(200 << 20)), true);

        assertTrue(host.isVmFailed());
    }

    /** TeaVM cannot catch a WebAssembly stack overflow: it traps, and Envoy fails the VM. */
    @ProxyWasmTest(modes = Mode.WASM)
    void unboundedRecursionTrapsInWebAssembly(HostEmulator host) {
        assertTrue(host.startPlugin());

        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, fault("recurse"), true);

        assertTrue(host.isVmFailed());
        assertEquals("proxy_on_request_headers", host.getTrap().export());
        int next = host.initializeHttpContext();
        assertEquals(Action.PAUSE, host.callOnRequestHeaders(next, fault("none"), true), "fail-closed");
    }

    @ProxyWasmTest(modes = Mode.JVM)
    void unboundedRecursionIsCaughtOnTheJvm(HostEmulator host) {
        assertTrue(host.startPlugin());

        exchange(host, fault("recurse"), null);

        assertFailureLogged(host, "proxy_on_request_headers failed in FaultPlugin.Exchange.request:"
                + " java.lang.StackOverflowError; the stream continues (fail open)");
        nextRequestIsServed(host, 2);
    }
}
