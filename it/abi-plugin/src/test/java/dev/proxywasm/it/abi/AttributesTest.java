package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Envoy's attributes as the emulator derives them from the exchange, read by the exerciser plugin
 * ({@code x-op: attributes}) in both modes: exact bytes, in Envoy's encodings.
 */
class AttributesTest {
    private static final long NOW = 1_700_000_000_123_456_789L;

    /** Starts the plugin (unless started) and delivers request headers asking for {@code attributes}. */
    private static int request(HostEmulator host, String attributes, boolean endOfStream, String... headerPairs) {
        if (host.getInfoLogs().stream().noneMatch(l -> l.startsWith("configured"))) {
            assertTrue(host.startPlugin());
        }
        int id = host.initializeHttpContext();
        List<Header> headers = new ArrayList<>(List.of(new Header(":path", "/"), new Header("x-op", "attributes"),
                new Header("x-attributes", attributes)));
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(new Header(headerPairs[i], headerPairs[i + 1]));
        }
        host.callOnRequestHeaders(id, headers, endOfStream);
        return id;
    }

    /** The raw attribute the plugin copied into {@code headers}; null if it was not found. */
    private static byte[] attr(List<Header> headers, String name) {
        String hex = null;
        for (Header h : headers) {
            if (h.name().equals(("x-attr-" + name).toLowerCase(Locale.ROOT))) {
                hex = h.value();
            }
        }
        assertTrue(hex != null, () -> "no x-attr-" + name + " in " + headers);
        return hex.equals("null") ? null : HexFormat.of().parseHex(hex);
    }

    /** The raw attribute the plugin logged at the end of the response body. */
    private static byte[] logged(HostEmulator host, String name) {
        String prefix = "attr " + name + " = ";
        String line = host.getInfoLogs().stream().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + host.getInfoLogs()));
        String hex = line.substring(prefix.length());
        return hex.equals("null") ? null : HexFormat.of().parseHex(hex);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An int64 as Envoy serialises it: 8 bytes, little-endian. */
    private static byte[] int64(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** Envoy's header bytes: every name and value. */
    private static long byteSize(List<Header> headers) {
        long size = 0;
        for (Header h : headers) {
            size += utf8(h.name()).length + utf8(h.value()).length;
        }
        return size;
    }

    @ProxyWasmTest
    void requestAttributesComeFromTheRequestHeaders(HostEmulator host) {
        host.withCurrentTimeNanos(NOW);
        String names = "request.headers,request.path,request.url_path,request.query,request.host,request.scheme,"
                + "request.method,request.referer,request.useragent,request.id,request.protocol,request.time,"
                + "request.size,request.total_size,request.duration,request.headers.x-dup,request.headers.USER-AGENT,"
                + "request.headers.missing,request.nope,response.code";
        int id = host.startPlugin() ? host.initializeHttpContext() : -1;
        List<Header> sent = List.of(new Header(":method", "POST"), new Header(":path", "/search/items?q=wasm&page=2"),
                new Header(":authority", "shop.example"), new Header(":scheme", "https"),
                new Header("user-agent", "curl/8.5"), new Header("referer", "https://ref.example/"),
                new Header("x-request-id", "req-42"), new Header("x-dup", "a"), new Header("x-op", "attributes"),
                new Header("x-attributes", names), new Header("x-dup", "b"));
        host.callOnRequestHeaders(id, sent, false);

        List<Header> request = host.getCurrentRequestHeaders(id);
        List<Header> expectedMap = new ArrayList<>(sent.subList(0, 7));
        expectedMap.add(new Header("x-dup", "a,b"));
        expectedMap.add(new Header("x-op", "attributes"));
        expectedMap.add(new Header("x-attributes", names));
        assertEquals(expectedMap, HeaderPairs.decode(attr(request, "request.headers")));
        assertArrayEquals(utf8("/search/items?q=wasm&page=2"), attr(request, "request.path"));
        assertArrayEquals(utf8("/search/items"), attr(request, "request.url_path"));
        assertArrayEquals(utf8("q=wasm&page=2"), attr(request, "request.query"));
        assertArrayEquals(utf8("shop.example"), attr(request, "request.host"));
        assertArrayEquals(utf8("https"), attr(request, "request.scheme"));
        assertArrayEquals(utf8("POST"), attr(request, "request.method"));
        assertArrayEquals(utf8("https://ref.example/"), attr(request, "request.referer"));
        assertArrayEquals(utf8("curl/8.5"), attr(request, "request.useragent"));
        assertArrayEquals(utf8("req-42"), attr(request, "request.id"));
        assertArrayEquals(utf8("HTTP/1.1"), attr(request, "request.protocol"));
        assertArrayEquals(int64(NOW), attr(request, "request.time"));
        assertArrayEquals(int64(0), attr(request, "request.size"), "no content-length and no body yet");
        assertNull(attr(request, "request.duration"), "known once the request completed");
        assertArrayEquals(utf8("a,b"), attr(request, "request.headers.x-dup"));
        assertArrayEquals(utf8("curl/8.5"), attr(request, "request.headers.USER-AGENT"));
        assertNull(attr(request, "request.headers.missing"));
        assertNull(attr(request, "request.nope"));
        assertNull(attr(request, "response.code"), "no response yet");
        assertHeader(request, "x-typed", "path=/search/items?q=wasm&page=2;url_path=/search/items;query=q=wasm&page=2"
                + ";method=POST;host=shop.example;scheme=https;protocol=HTTP/1.1;id=req-42;time=" + NOW
                + ";user-agent=curl/8.5;first-header=Header[name=:method, value=POST]"
                + ";source=127.0.0.1:51000/51000;destination=127.0.0.1:10000/10000;connection=1/false"
                + ";plugin=//;code=null");

        host.withCurrentTimeNanos(NOW + 5);
        host.callOnRequestBody(id, "hello ", false);
        host.callOnRequestBody(id, "world", true);
        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), false);

        List<Header> response = host.getCurrentResponseHeaders(id);
        assertArrayEquals(int64(NOW), attr(response, "request.time"), "when the stream started");
        assertArrayEquals(int64(11), attr(response, "request.size"), "the body bytes received");
        assertArrayEquals(int64(11 + byteSize(host.getCurrentRequestHeaders(id))),
                attr(response, "request.total_size"));
    }

    @ProxyWasmTest
    void requestSizeIsTheContentLengthWhenThereIsOne(HostEmulator host) {
        int declared = request(host, "request.size", false, "content-length", "42");
        int invalid = request(host, "request.size", false, "content-length", "forty-two");
        int noQuery = request(host, "request.query,request.url_path", true);

        assertArrayEquals(int64(42), attr(host.getCurrentRequestHeaders(declared), "request.size"));
        assertNull(attr(host.getCurrentRequestHeaders(invalid), "request.size"));
        assertArrayEquals(new byte[0], attr(host.getCurrentRequestHeaders(noQuery), "request.query"));
        assertArrayEquals(utf8("/"), attr(host.getCurrentRequestHeaders(noQuery), "request.url_path"));
    }

    @ProxyWasmTest
    void responseAttributesComeFromTheResponse(HostEmulator host) {
        String names = "response.headers,response.code,response.code_details,response.trailers,response.size,"
                + "response.total_size,response.grpc_status,response.flags,response.headers.content-type,"
                + "response.nope,request.path";
        int id = request(host, names, true);

        List<Header> request = host.getCurrentRequestHeaders(id);
        for (String name : names.split(",")) {
            if (name.startsWith("response.")) {
                assertNull(attr(request, name), name + " before the response");
            }
        }
        assertArrayEquals(utf8("/"), attr(request, "request.path"));

        List<Header> upstream = List.of(new Header(":status", "503"), new Header("content-type", "text/plain"));
        host.callOnResponseHeaders(id, upstream, false);
        host.callOnResponseBody(id, "unavailable", true);

        List<Header> response = host.getCurrentResponseHeaders(id);
        List<Header> seen = new ArrayList<>(upstream);
        seen.add(new Header("x-op-seen", "attributes"));
        assertEquals(seen, HeaderPairs.decode(attr(response, "response.headers")), "as the plugin's callback saw them");
        assertArrayEquals(int64(503), attr(response, "response.code"));
        assertArrayEquals(utf8("via_upstream"), attr(response, "response.code_details"));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, attr(response, "response.trailers"), "an empty map");
        assertArrayEquals(int64(0), attr(response, "response.size"), "no body yet");
        assertArrayEquals(int64(14), attr(response, "response.grpc_status"), "Envoy maps HTTP 503 to UNAVAILABLE");
        assertArrayEquals(int64(0), attr(response, "response.flags"));
        assertArrayEquals(utf8("text/plain"), attr(response, "response.headers.content-type"));
        assertNull(attr(response, "response.nope"));
        assertHeader(response, "x-typed", "code=503;details=via_upstream;path=/");

        assertArrayEquals(int64(11), logged(host, "response.size"));
        assertArrayEquals(int64(11 + byteSize(response)), logged(host, "response.total_size"));
    }

    @ProxyWasmTest
    void grpcStatusFromTrailersHeadersOrTheHttpStatus(HostEmulator host) {
        String names = "response.grpc_status";
        int trailersOnly = request(host, names, true);
        host.callOnResponseHeaders(trailersOnly, List.of(new Header(":status", "200"),
                new Header("content-type", "application/grpc"), new Header("grpc-status", "7")), true);
        int unknownCode = request(host, names, true);
        host.callOnResponseHeaders(unknownCode, List.of(new Header(":status", "200"),
                new Header("content-type", "application/grpc"), new Header("grpc-status", "99")), true);
        int plain = request(host, names, true);
        host.callOnResponseHeaders(plain, List.of(new Header(":status", "200")), true);
        int notFound = request(host, names, true);
        host.callOnResponseHeaders(notFound, List.of(new Header(":status", "404")), true);

        assertArrayEquals(int64(7), attr(host.getCurrentResponseHeaders(trailersOnly), names));
        assertArrayEquals(int64(-1), attr(host.getCurrentResponseHeaders(unknownCode), names), "Envoy's InvalidCode");
        assertArrayEquals(int64(2), attr(host.getCurrentResponseHeaders(plain), names), "UNKNOWN for HTTP 200");
        assertArrayEquals(int64(12), attr(host.getCurrentResponseHeaders(notFound), names), "UNIMPLEMENTED for 404");
    }

    @ProxyWasmTest
    void aLocalReplyIsTheResponseWithItsDetails(HostEmulator host) {
        int id = request(host, "response.code,response.code_details,response.size", true, "x-reply", "418");

        List<Header> response = host.getSentLocalResponse(id).headers();
        assertArrayEquals(int64(418), attr(response, "response.code"));
        assertArrayEquals(utf8("exerciser_reply"), attr(response, "response.code_details"));
        assertHeader(response, "x-typed", "code=418;details=exerciser_reply;path=/");
        assertArrayEquals(int64(5), logged(host, "response.size"), "the local reply's body");
    }

    @ProxyWasmTest
    void sourceDestinationAndConnectionByDefault(HostEmulator host) {
        String names = "source.address,source.port,destination.address,destination.port,connection.id,connection_id,"
                + "connection.mtls,connection.requested_server_name,connection.tls_version,source.nope";
        List<Header> request = host.getCurrentRequestHeaders(request(host, names, true));

        assertArrayEquals(utf8("127.0.0.1:51000"), attr(request, "source.address"));
        assertArrayEquals(int64(51000), attr(request, "source.port"));
        assertArrayEquals(utf8("127.0.0.1:10000"), attr(request, "destination.address"));
        assertArrayEquals(int64(10000), attr(request, "destination.port"));
        assertArrayEquals(int64(1), attr(request, "connection.id"));
        assertArrayEquals(int64(1), attr(request, "connection_id"));
        assertArrayEquals(new byte[] {0}, attr(request, "connection.mtls"));
        assertArrayEquals(new byte[0], attr(request, "connection.requested_server_name"));
        assertNull(attr(request, "connection.tls_version"), "no TLS");
        assertNull(attr(request, "source.nope"));
    }

    @ProxyWasmTest
    void sourceDestinationAndConnectionAsSet(HostEmulator host) {
        String names = "source.address,source.port,destination.address,destination.port,connection.id,connection.mtls";
        host.withConnection(new InetSocketAddress("::1", 54321), new InetSocketAddress("10.1.2.3", 8443))
                .withMutualTls(true);
        int first = request(host, names, true);
        int sameConnection = request(host, names, true);
        host.withConnection(new InetSocketAddress("2001:db8::7:0:0:1", 40000), new InetSocketAddress("10.1.2.3", 8443));
        int next = request(host, names, true);

        List<Header> request = host.getCurrentRequestHeaders(first);
        assertArrayEquals(utf8("[::1]:54321"), attr(request, "source.address"));
        assertArrayEquals(int64(54321), attr(request, "source.port"));
        assertArrayEquals(utf8("10.1.2.3:8443"), attr(request, "destination.address"));
        assertArrayEquals(int64(8443), attr(request, "destination.port"));
        assertArrayEquals(int64(2), attr(request, "connection.id"), "a new connection after the default one");
        assertArrayEquals(new byte[] {1}, attr(request, "connection.mtls"));
        assertArrayEquals(int64(2), attr(host.getCurrentRequestHeaders(sameConnection), "connection.id"));
        assertArrayEquals(utf8("[2001:db8::7:0:0:1]:40000"),
                attr(host.getCurrentRequestHeaders(next), "source.address"));
        assertArrayEquals(int64(3), attr(host.getCurrentRequestHeaders(next), "connection.id"));
        String typed = host.getCurrentRequestHeaders(first).stream().filter(h -> h.name().equals("x-typed"))
                .findFirst().orElseThrow().value();
        assertTrue(typed.contains(";source=[::1]:54321/54321;destination=10.1.2.3:8443/8443;connection=2/true;"),
                typed);
    }

    @ProxyWasmTest
    void pluginNameRootIdAndVmId(HostEmulator host) {
        String names = "plugin_name,plugin_root_id,plugin_vm_id";
        host.withPluginName("edge-auth").withRootId("auth_root").withVmId("vm-7");
        List<Header> request = host.getCurrentRequestHeaders(request(host, names, true));

        assertArrayEquals(utf8("edge-auth"), attr(request, "plugin_name"));
        assertArrayEquals(utf8("auth_root"), attr(request, "plugin_root_id"));
        assertArrayEquals(utf8("vm-7"), attr(request, "plugin_vm_id"));
        String typed = request.stream().filter(h -> h.name().equals("x-typed")).findFirst().orElseThrow().value();
        assertTrue(typed.endsWith(";plugin=edge-auth/auth_root/vm-7;code=null"), typed);
    }

    @ProxyWasmTest
    void pluginFactsAreEmptyByDefault(HostEmulator host) {
        List<Header> request = host.getCurrentRequestHeaders(
                request(host, "plugin_name,plugin_root_id,plugin_vm_id", true));

        assertArrayEquals(new byte[0], attr(request, "plugin_name"));
        assertArrayEquals(new byte[0], attr(request, "plugin_root_id"));
        assertArrayEquals(new byte[0], attr(request, "plugin_vm_id"));
    }

    @ProxyWasmTest
    void unknownAttributesAreNotFoundAndTestPropertiesOverrideDerivedOnes(HostEmulator host) {
        host.withProperty("/overridden", "request", "path")
                .withProperty("gateway", "node", "metadata", "WORKLOAD_NAME");
        int id = request(host, "nope,request.nope,request.path.deeper,request.path,request.url_path,"
                + "node.metadata.WORKLOAD_NAME,node.id", true);

        List<Header> request = host.getCurrentRequestHeaders(id);
        assertNull(attr(request, "nope"));
        assertNull(attr(request, "request.nope"));
        assertNull(attr(request, "request.path.deeper"), "a string has no fields");
        assertArrayEquals(utf8("/overridden"), attr(request, "request.path"));
        assertArrayEquals(utf8("/"), attr(request, "request.url_path"), "still derived from :path");
        assertArrayEquals(utf8("gateway"), attr(request, "node.metadata.WORKLOAD_NAME"));
        assertNull(attr(request, "node.id"));
        String typed = request.stream().filter(h -> h.name().equals("x-typed")).findFirst().orElseThrow().value();
        assertTrue(typed.startsWith("path=/overridden;url_path=/;"), typed);
    }
}
