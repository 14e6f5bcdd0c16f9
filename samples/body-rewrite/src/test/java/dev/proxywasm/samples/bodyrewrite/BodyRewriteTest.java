package dev.proxywasm.samples.bodyrewrite;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

class BodyRewriteTest {
    private static String exchange(HostEmulator host, String operation) {
        assertTrue(host.withPluginConfiguration(operation).startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/")), false);
        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "hello ", false));
        assertEquals(Action.CONTINUE, host.callOnRequestBody(id, "world", true));
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200"), new Header("content-length", "2")), false);
        host.callOnResponseBody(id, "ok", true);
        return new String(host.getCurrentRequestBody(id), StandardCharsets.UTF_8) + " | " + host.getCurrentResponseBodyText(id);
    }

    @ProxyWasmTest
    void appends(HostEmulator host) {
        assertEquals("hello world [request] | ok [response]", exchange(host, "append"));
    }

    @ProxyWasmTest
    void prepends(HostEmulator host) {
        assertEquals("[request] hello world | [response] ok", exchange(host, "prepend"));
    }

    @ProxyWasmTest
    void replaces(HostEmulator host) {
        assertEquals("[request] | [response]", exchange(host, "replace"));
    }

    @ProxyWasmTest
    void refusesAnUnknownOperation(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("reverse").startPlugin());
        assertEquals(List.of("body-rewrite: the configuration must be append, prepend or replace, not reverse"),
                host.getCriticalLogs());
    }

    @ProxyWasmTest
    void trailersAreSeenAndAdded(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("prepend").startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/")), false);

        host.callOnRequestTrailers(id, List.of(new Header("x-checksum", "abc")));
        host.callOnResponseTrailers(id, List.of(new Header("grpc-status", "0")));

        assertEquals(List.of("request trailers: 1"), host.getInfoLogs());
        assertEquals(List.of(new Header("grpc-status", "0"), new Header("x-body-rewrite", "prepend")),
                host.getCurrentResponseTrailers(id));
    }

    @ProxyWasmTest
    void theRequestLosesItsStaleContentLength(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("append").startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/"), new Header("content-length", "5")), false);
        host.callOnRequestBody(id, "hello", true);

        assertEquals("hello [request]", new String(host.getCurrentRequestBody(id), StandardCharsets.UTF_8));
        assertNoHeader(host.getCurrentRequestHeaders(id), "content-length");
    }

    @ProxyWasmTest
    void aRequestBodyThatTrailersEndIsRewrittenToo(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("replace").startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/"), new Header("content-type", "application/grpc")),
                false);
        assertEquals(Action.PAUSE, host.callOnRequestBody(id, "message", false));

        assertEquals(Action.CONTINUE, host.callOnRequestTrailers(id, List.of(new Header("x-checksum", "abc"))));

        assertEquals("[request]", new String(host.getCurrentRequestBody(id), StandardCharsets.UTF_8));
        assertEquals(List.of("request trailers: 1"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void aResponseBodyThatTrailersEndIsRewrittenBeforeItsTrailerSaysSo(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("prepend").startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/")), true);
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200"), new Header("content-length", "5")), false);
        assertEquals(Action.PAUSE, host.callOnResponseBody(id, "reply", false));

        assertEquals(Action.CONTINUE, host.callOnResponseTrailers(id, List.of(new Header("grpc-status", "0"))));

        assertEquals("[response] reply", host.getCurrentResponseBodyText(id));
        assertNoHeader(host.getCurrentResponseHeaders(id), "content-length");
        assertHeader(host.getCurrentResponseTrailers(id), "x-body-rewrite", "prepend");
    }
}
