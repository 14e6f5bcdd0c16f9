package dev.proxywasm.samples.customerrors;

import dev.proxywasm.api.Header;
import dev.proxywasm.api.json.Json;
import dev.proxywasm.testing.HostEmulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Drives one exchange through the emulator: a request to a URL, then an upstream response. */
final class Traffic {
    static final String CONFIG = "{\"targetURLPrefixes\": [\"my-host.com\"]}";

    private final HostEmulator host;
    private final int id;

    private Traffic(HostEmulator host, int id) {
        this.host = host;
        this.id = id;
    }

    /** Starts a stream with request headers for {@code url} plus {@code extra} name/value pairs. */
    static Traffic request(HostEmulator host, String url, String... extra) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        List<Header> headers = new ArrayList<>(List.of(new Header(":scheme", uri.getScheme()),
                new Header(":authority", uri.getRawAuthority()), new Header(":path", path.isEmpty() ? "/" : path),
                new Header(":method", "GET")));
        for (int i = 0; i < extra.length; i += 2) {
            headers.add(new Header(extra[i], extra[i + 1]));
        }
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, headers, true);
        return new Traffic(host, id);
    }

    /** The upstream answers {@code status} with {@code contentType} and the body in {@code chunks}. */
    Traffic respond(int status, String contentType, String... chunks) {
        List<byte[]> parts = new ArrayList<>();
        for (String chunk : chunks) {
            parts.add(chunk.getBytes(StandardCharsets.UTF_8));
        }
        return respondBytes(status, contentType, parts.toArray(new byte[0][]));
    }

    /** As {@link #respond}, with raw body chunks and optional extra headers after the chunks. */
    Traffic respondBytes(int status, String contentType, byte[][] chunks, String... extraHeaders) {
        List<Header> headers = new ArrayList<>(List.of(new Header(":status", Integer.toString(status))));
        int length = 0;
        for (byte[] chunk : chunks) {
            length += chunk.length;
        }
        if (contentType != null) {
            headers.add(new Header("content-type", contentType));
        }
        headers.add(new Header("content-length", Integer.toString(length)));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.add(new Header(extraHeaders[i], extraHeaders[i + 1]));
        }
        host.callOnResponseHeaders(id, headers, chunks.length == 0);
        for (int i = 0; i < chunks.length; i++) {
            host.callOnResponseBody(id, chunks[i], i == chunks.length - 1);
        }
        return this;
    }

    /** The upstream answers with {@code status} as the raw {@code :status} text and a text body. */
    Traffic respondWithStatusText(String status, String body) {
        host.callOnResponseHeaders(id, List.of(new Header(":status", status), new Header("content-type", "text/plain")),
                false);
        host.callOnResponseBody(id, body.getBytes(StandardCharsets.UTF_8), true);
        return this;
    }

    /**
     * The upstream answers {@code status} with a body that trailers end, as Envoy delivers an HTTP/2
     * response with trailers: the last body chunk without end of stream, then the trailers.
     */
    Traffic respondWithTrailers(int status, String contentType, String body, Header... trailers) {
        host.callOnResponseHeaders(id, List.of(new Header(":status", Integer.toString(status)),
                new Header("content-type", contentType)), false);
        host.callOnResponseBody(id, body.getBytes(StandardCharsets.UTF_8), false);
        host.callOnResponseTrailers(id, List.of(trailers));
        return this;
    }

    int id() {
        return id;
    }

    List<Header> responseHeaders() {
        return host.getCurrentResponseHeaders(id);
    }

    String body() {
        return host.getCurrentResponseBodyText(id);
    }

    Map<String, Object> document() {
        return Json.parseObject(body());
    }
}
