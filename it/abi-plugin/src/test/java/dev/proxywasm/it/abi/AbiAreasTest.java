package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLogContains;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.testing.GrpcCall;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.HttpCallout;
import dev.proxywasm.testing.ProxyWasmTest;
import dev.proxywasm.testing.SentLocalResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The emulator, area by area of the ABI, with the exerciser plugin in both modes. */
class AbiAreasTest {

    private static int request(HostEmulator host, String op, String... headerPairs) {
        if (!host.isVmFailed()) {
            assertTrue(host.startPlugin());
        }
        int id = host.initializeHttpContext();
        List<Header> headers = new ArrayList<>(List.of(new Header(":path", "/"), new Header("x-op", op)));
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(new Header(headerPairs[i], headerPairs[i + 1]));
        }
        host.callOnRequestHeaders(id, headers, false);
        return id;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ProxyWasmTest
    void pluginConfigurationReachesThePlugin(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("{\"a\":1}").startPlugin());

        assertEquals(List.of("configured: {\"a\":1}"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void logsAtEverySixLevels(HostEmulator host) {
        request(host, "log");

        assertEquals(List.of("trace line"), host.getTraceLogs());
        assertEquals(List.of("debug line"), host.getDebugLogs());
        assertTrue(host.getInfoLogs().contains("info line"));
        assertEquals(List.of("warn line"), host.getWarnLogs());
        assertEquals(List.of("error line"), host.getErrorLogs());
        assertEquals(List.of("critical line"), host.getCriticalLogs());
    }

    @ProxyWasmTest
    void logLevelAndTime(HostEmulator host) {
        host.withLogLevel(LogLevel.WARN).withCurrentTimeNanos(1_700_000_000_123_456_789L);
        int levelStream = request(host, "log-level");
        int timeStream = request(host, "time");

        assertHeader(host.getCurrentRequestHeaders(levelStream), "x-log-level", "3 info off");
        assertHeader(host.getCurrentRequestHeaders(timeStream), "x-time", "1700000000123456789");
    }

    @ProxyWasmTest
    void propertiesReadAndWritten(HostEmulator host) {
        host.withProperty("/hello", "request", "path");
        int id = request(host, "property");

        assertHeader(host.getCurrentRequestHeaders(id), "x-property", "/hello");
        assertHeader(host.getCurrentRequestHeaders(id), "x-missing-property", "null");
        assertEquals("yes", host.getProperty("plugin", "seen"));
    }

    @ProxyWasmTest
    void sharedDataWithCompareAndSwap(HostEmulator host) {
        host.setSharedData("visits", utf8("41"));
        int id = request(host, "shared");

        assertHeader(host.getCurrentRequestHeaders(id), "x-visits", "42");
        assertHeader(host.getCurrentRequestHeaders(id), "x-stale-write", "false");
        assertArrayEquals(utf8("42"), host.getSharedData("visits"));
    }

    @ProxyWasmTest
    void sharedQueueEnqueueResolveAndReady(HostEmulator host) {
        int id = request(host, "queue", "x-message", "hello queue");

        assertHeader(host.getCurrentRequestHeaders(id), "x-same-queue", "true");
        assertHeader(host.getCurrentRequestHeaders(id), "x-unknown-queue", "null");
        int queue = host.getQueueId("exerciser");
        assertEquals(List.of("hello queue"), host.getQueueContents(queue).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList());

        host.enqueue(queue, utf8("from another VM"));

        assertTrue(host.getInfoLogs().containsAll(List.of("dequeued hello queue", "dequeued from another VM")),
                host.getInfoLogs()::toString);
        assertTrue(host.getQueueContents(queue).isEmpty());
    }

    @ProxyWasmTest
    void metricsDefinedIncrementedRecordedAndRead(HostEmulator host) {
        request(host, "log");
        int id = request(host, "metrics");

        assertHeader(host.getCurrentRequestHeaders(id), "x-requests", "2");
        assertEquals(2, host.getMetric("exerciser_requests_total"));
        assertEquals(42, host.getMetric("exerciser_in_flight"));
        assertEquals(7, host.getMetric("exerciser_body_bytes"));
    }

    @ProxyWasmTest
    void httpCalloutPausesTheRequestUntilItsResponseResumesIt(HostEmulator host) {
        int id = request(host, "callout", "x-user", "alice");

        assertTrue(host.isRequestPaused(id));
        HttpCallout call = host.getHttpCallouts().get(0);
        assertEquals("auth_cluster", call.upstream());
        assertEquals("/check", call.header(":path"));
        assertEquals("alice", call.header("x-user"));
        assertArrayEquals(utf8("ping"), call.body());
        assertEquals(5000, call.timeoutMilliseconds());

        host.callOnHttpCallResponse(call.token(), List.of(new Header(":status", "200"), new Header("x-verdict", "allow")),
                utf8("pong"), List.of());

        assertFalse(host.isRequestPaused(id));
        assertHeader(host.getCurrentRequestHeaders(id), "x-callout", "allow/pong");
        assertLogContains(host.getInfoLogs(), "callout " + call.token() + ": 2 headers, 4 bytes, 0 trailers");
        assertTrue(host.getHttpCallouts().isEmpty());
    }

    @ProxyWasmTest
    void grpcUnaryCallReceivesMetadataMessageAndStatus(HostEmulator host) {
        request(host, "grpc");

        GrpcCall call = host.getGrpcCalls().get(0);
        assertEquals("grpc_cluster", call.service());
        assertEquals("auth.v1.Auth", call.serviceName());
        assertEquals("Check", call.method());
        assertEquals(List.of(new Header("x-trace", "t1")), call.initialMetadata());
        assertArrayEquals(utf8("request"), call.sentMessages().get(0));

        host.callOnGrpcReceiveInitialMetadata(call.token(), List.of(new Header("x-server", "s1")));
        host.callOnGrpcReceive(call.token(), utf8("response"));
        host.callOnGrpcReceiveTrailingMetadata(call.token(), List.of(new Header("grpc-status", "0")));
        host.callOnGrpcClose(call.token(), 16, "unauthenticated");

        int t = call.token();
        assertTrue(host.getInfoLogs().containsAll(List.of(
                "grpc " + t + " initial metadata x-server=s1",
                "grpc " + t + " message: response",
                "grpc " + t + " trailing metadata [Header[name=grpc-status, value=0]]",
                "grpc " + t + " closed: UNAUTHENTICATED unauthenticated")), host.getInfoLogs()::toString);
    }

    @ProxyWasmTest
    void grpcStreamSendsClosesAndCancels(HostEmulator host) {
        request(host, "grpc-stream");

        List<GrpcCall> calls = host.getGrpcCalls();
        assertEquals(2, calls.size());
        GrpcCall talk = calls.get(0);
        assertTrue(talk.isStream());
        assertEquals(List.of("one", "two"), talk.sentMessages().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        assertTrue(talk.sentEndOfStream());
        assertTrue(talk.isClosed());
        assertTrue(calls.get(1).isCancelled());
    }

    @ProxyWasmTest
    void foreignFunctionCallAndCallback(HostEmulator host) {
        host.withForeignFunction("reverse", args -> new StringBuilder(new String(args, StandardCharsets.UTF_8))
                .reverse().toString().getBytes(StandardCharsets.UTF_8));
        int id = request(host, "foreign", "x-arg", "stressed");

        assertHeader(host.getCurrentRequestHeaders(id), "x-foreign", "desserts");

        host.callOnForeignFunction(7, utf8("from the host"));

        assertLogContains(host.getInfoLogs(), "foreign function 7: from the host");
    }

    @ProxyWasmTest
    void localReplyFromTheRequestPassesThroughTheResponseCallbacks(HostEmulator host) {
        int id = request(host, "local-reply");

        SentLocalResponse reply = assertLocalResponse(host, id, 403);
        assertEquals("forbidden", reply.text());
        assertEquals("denied", reply.header("x-reason"));
        assertEquals("local-reply", reply.header("x-op-seen"), "the plugin's own response headers callback ran");
        assertEquals("exerciser_denied", reply.details());
    }

    @ProxyWasmTest
    void aGrpcLocalReplyCarriesItsStatusAsGrpcsCode(HostEmulator host) {
        int id = request(host, "grpc-reply");

        SentLocalResponse reply = assertLocalResponse(host, id, 200);
        assertEquals(14, reply.grpcStatus(), "UNAVAILABLE is gRPC's 14");
        assertEquals("try later", reply.text());
    }

    @ProxyWasmTest
    void localReplyFromResponseHeadersReplacesTheResponse(HostEmulator host) {
        int id = request(host, "response-reply");

        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), false);

        SentLocalResponse reply = assertLocalResponse(host, id, 502);
        assertEquals("replaced upstream", reply.text());
        assertHeader(host.getCurrentResponseHeaders(id), ":status", "502");
        assertEquals("replaced upstream", host.getCurrentResponseBodyText(id));
    }

    @ProxyWasmTest
    void bodyChunksArriveWithTheTotalBufferedSize(HostEmulator host) {
        int id = request(host, "body");

        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "hello ", false));
        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "big ", false));
        assertEquals(Action.CONTINUE, host.callOnRequestBody(id, "world", true));

        assertEquals(List.of("request body 6 bytes, end false", "request body 10 bytes, end false",
                "request body 15 bytes, end true"), host.getInfoLogs().subList(1, 4));
        assertArrayEquals(utf8("<hello big world>"), host.getCurrentRequestBody(id));
        assertEquals(15, host.getMetric("exerciser_body_bytes"));
    }

    @ProxyWasmTest
    void responseBodyReplacedAtEndOfStream(HostEmulator host) {
        int id = request(host, "replace-body");
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), false);

        host.callOnResponseBody(id, "abc", false);
        host.callOnResponseBody(id, "def", true);

        assertEquals("replaced:abcdef", host.getCurrentResponseBodyText(id));
    }

    @ProxyWasmTest
    void pauseInRequestHeadersHoldsTheBodyCallbacks(HostEmulator host) {
        int id = request(host, "pause");

        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "held", true));

        assertFalse(host.getInfoLogs().stream().anyMatch(l -> l.startsWith("request body")), host.getInfoLogs()::toString);
        assertTrue(host.isRequestPaused(id));
    }

    @ProxyWasmTest
    void trailersInBothDirections(HostEmulator host) {
        int id = request(host, "none");

        host.callOnRequestTrailers(id, List.of(new Header("a", "1"), new Header("b", "2")));
        host.callOnResponseTrailers(id, List.of(new Header("x-response-trailer", "original")));

        assertHeader(host.getCurrentRequestTrailers(id), "x-trailers-seen", "2");
        assertHeader(host.getCurrentResponseTrailers(id), "x-response-trailer", "seen");
    }

    /** The string builder, which the Maven plugin rewrites in the compiled module, as the JVM's. */
    @ProxyWasmTest
    void stringBuildingAtEveryPosition(HostEmulator host) {
        int id = request(host, "strings", "x-text", "abcdefgh");

        assertHeader(host.getCurrentRequestHeaders(id), "x-strings",
                "<nulabcdefghlab-mid-cdefgh>null\u00e9\u20ac\ud83d\ude00|refused|refused|abcdefgh1cnull35");
    }

    @ProxyWasmTest
    void textPassedToTheHostIsUtf8AtEveryLengthAndWidth(HostEmulator host) {
        int id = request(host, "text");

        String lone = "a\u00e9\u20ac\ud83d\ude00?z";
        assertEquals(List.of("\u20ac".repeat(2000) + "|end", "short " + lone),
                host.getInfoLogs().subList(host.getInfoLogs().size() - 2, host.getInfoLogs().size()));
        List<Header> headers = host.getCurrentRequestHeaders(id);
        assertHeader(headers, "x-wide", lone);
        assertHeader(headers, "x-wide-back", lone);
        assertHeader(headers, "x-long", "\ud83d\ude00".repeat(1500));
        assertHeader(headers, "x-long-length", "3000");
        assertHeader(headers, "x-key-found", "true");
        assertNoHeader(headers, "x-\u00e9-key");
        assertEquals(List.of("n=-21 big=" + Long.MIN_VALUE + " c=\u00e9 yes=true none=null nothing=null list=[1, 2] wide="
                + lone + " 1", "ratio -5.25", "absent=null path=/"), host.getWarnLogs());
    }

    @ProxyWasmTest
    void headerMapWholesaleAndByName(HostEmulator host) {
        int pairs = request(host, "pairs", "x-drop", "1");
        int remove = request(host, "remove", "x-remove-me", "1", "x-remove-me", "2");
        int replace = request(host, "replace", "x-dup", "a", "x-dup", "b");
        int size = request(host, "size");

        assertEquals(List.of(new Header("x-only", "one")), host.getCurrentRequestHeaders(pairs));
        assertNoHeader(host.getCurrentRequestHeaders(remove), "x-remove-me");
        assertEquals(List.of(new Header("x-dup", "replaced"), new Header("x-dup", "b")),
                host.getCurrentRequestHeaders(replace).subList(2, 4));
        // 4 + 2 pairs * 8 + ":path" "/" "x-op" "size" with NULs = 4 + 16 + 6 + 2 + 5 + 5
        assertHeader(host.getCurrentRequestHeaders(size), "x-map-size", "38");
    }

    @ProxyWasmTest
    void closeStream(HostEmulator host) {
        int id = request(host, "close");

        assertTrue(host.isStreamClosed(id));
    }

    @ProxyWasmTest
    void ticksAfterThePluginAsksForThem(HostEmulator host) {
        request(host, "tick");

        assertEquals(1000, host.getTickPeriodMilliseconds());
        host.tick();
        host.tick();

        assertTrue(host.getInfoLogs().containsAll(List.of("tick 1", "tick 2")));
    }

    @ProxyWasmTest
    void pluginDoneNowOrLaterWithProxyDone(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("finish-later").startPlugin());

        assertFalse(host.finishPlugin());
        host.tick();

        assertEquals(1, host.getDoneCalls());
    }

    @ProxyWasmTest
    void streamDoneRunsOnCompletion(HostEmulator host) {
        int id = request(host, "none");

        host.completeHttpContext(id);

        assertEquals(List.of("stream " + id + " done (none)"), host.getDebugLogs());
    }

    @ProxyWasmTest
    void trailersEndTheBodyWhichIsReadableThereAndGoesOnWithThem(HostEmulator host) {
        int id = request(host, "body");
        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "chunk-1 ", false));
        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "chunk-2", false));

        assertEquals(Action.CONTINUE, host.callOnRequestTrailers(id, List.of(new Header("grpc-status", "0"))));

        assertHeader(host.getCurrentRequestTrailers(id), "x-body-at-trailers", "chunk-1 chunk-2");
        assertHeader(host.getCurrentRequestTrailers(id), "x-trailers-seen", "1");
        assertEquals("chunk-1 chunk-2", new String(host.getCurrentRequestBody(id), StandardCharsets.UTF_8));
    }
}
