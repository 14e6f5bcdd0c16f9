package dev.proxywasm.bench;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The scripted traffic every figure is measured with, so figures compare across versions: even
 * requests get an upstream 503 with a 1 KB text body, odd ones a 200 with the same body.
 */
final class Workload {
    static final String CUSTOM_ERRORS_CONFIG = "{\"targetURLPrefixes\": [\"api.example.com\"]}";
    static final String HTTP_HEADERS_CONFIG = "{\"header\": \"x-wasm-header\", \"value\": \"bench\"}";

    private static final List<Header> REQUEST = List.of(new Header(":scheme", "https"),
            new Header(":authority", "api.example.com"), new Header(":path", "/orders/42?expand=items"),
            new Header(":method", "GET"), new Header("user-agent", "bench/1.0"),
            new Header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    private static final List<Header> ERROR = List.of(new Header(":status", "503"),
            new Header("content-type", "text/plain"), new Header("content-length", "1024"));
    private static final List<Header> OK = List.of(new Header(":status", "200"),
            new Header("content-type", "text/plain"), new Header("content-length", "1024"));
    private static final byte[] BODY = body();

    private Workload() {}

    private static byte[] body() {
        byte[] bytes = new byte[1024];
        Arrays.fill(bytes, (byte) 'x');
        byte[] text = "upstream connect error or disconnect/reset before headers. ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, bytes, 0, text.length);
        return bytes;
    }

    /** One complete exchange, request {@code n} of the script. */
    static void request(HostEmulator host, long n) {
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, REQUEST, true);
        host.callOnResponseHeaders(id, n % 2 == 0 ? ERROR : OK, false);
        host.callOnResponseBody(id, BODY, true);
        host.completeHttpContext(id);
    }
}
