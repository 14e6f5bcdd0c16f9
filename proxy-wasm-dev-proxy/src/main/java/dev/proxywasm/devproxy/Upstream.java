package dev.proxywasm.devproxy;

import dev.proxywasm.emulator.Exchange;
import dev.proxywasm.api.Header;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Callback;

/**
 * The upstream side of an exchange, streamed: the request goes with its trailers, the answer comes
 * back chunk by chunk as it arrives, then its trailers. Jetty's client, because it speaks trailers
 * in both directions.
 */
final class Upstream implements AutoCloseable {
    /** Headers that belong to one hop, not to the request or the answer. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
            "proxy-connection", "te", "trailer", "host", "content-length", "expect");

    /** Whether a request header (lower-case name) goes on to the next hop: no pseudo or hop-by-hop header. */
    static boolean forwarded(String name) {
        return !name.startsWith(":") && !HOP_BY_HOP.contains(name);
    }

    /** Whether an answer's header (lower-case name) reaches the plugin: as forwarded, and its length. */
    static boolean kept(String name) {
        return forwarded(name) || name.equals("content-length");
    }
    private static final int CHUNK = 16 * 1024;
    private static final long TIMEOUT_SECONDS = 30;

    private final HttpClient client = new HttpClient();

    Upstream() throws Exception {
        client.setFollowRedirects(false);
        client.start();
    }

    /** One answer being received: status and headers now, the body with {@link #read}, trailers after. */
    static final class Answer implements Exchange.Answer {
        private final int status;
        private final List<Header> headers;
        private final InputStream body;
        private final InputStreamResponseListener listener;
        private final byte[] buffer = new byte[CHUNK];

        private Answer(int status, List<Header> headers, InputStream body, InputStreamResponseListener listener) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.listener = listener;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public List<Header> headers() {
            return headers;
        }

        /** The next chunk of the body as it arrives; null once it ended. */
        @Override
        public byte[] read() throws IOException {
            if (body == null) {
                return null;
            }
            int n = body.read(buffer);
            return n < 0 ? null : Arrays.copyOf(buffer, n);
        }

        /** The answer's trailers, once the body ended; empty if it had none. */
        @Override
        public List<Header> trailers() {
            if (listener == null) {
                return List.of();
            }
            try {
                Result result = listener.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return lowerCased(result.getResponse().getTrailers());
            } catch (Exception e) {
                return List.of();
            }
        }
    }

    /**
     * Sends the request as the plugin left it. An upstream that cannot be reached answers 503, as
     * Envoy's router does ({@code upstream connect error or disconnect/reset before headers}).
     */
    Answer send(URI base, String method, List<Header> headers, byte[] body, List<Header> trailers) {
        Request request = client.newRequest(base.resolve(PluginRunner.valueOf(headers, ":path", "/")))
                .method(method)
                .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .headers(fields -> {
                    for (Header h : headers) {
                        if (forwarded(h.name().toLowerCase(Locale.ROOT))) {
                            fields.add(h.name(), h.value());
                        }
                    }
                });
        if (!trailers.isEmpty()) {
            // Trailers need a body of unknown length (chunked), so the content is streamed.
            AsyncRequestContent content = new AsyncRequestContent();
            content.write(ByteBuffer.wrap(body), Callback.NOOP);
            content.close();
            request.body(content).trailersSupplier(() -> fields(trailers));
        } else if (body.length > 0) {
            request.body(new org.eclipse.jetty.client.BytesRequestContent(body));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<Header> answerHeaders = lowerCased(response.getHeaders());
            return new Answer(response.getStatus(), answerHeaders, listener.getInputStream(), listener);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            byte[] text = ("upstream connect error or disconnect/reset before headers. reset reason: " + cause
                    + "\n").getBytes(StandardCharsets.UTF_8);
            return new Answer(503, List.of(new Header("content-type", "text/plain")),
                    new java.io.ByteArrayInputStream(text), null);
        }
    }

    private static List<Header> lowerCased(HttpFields fields) {
        List<Header> headers = new ArrayList<>();
        if (fields != null) {
            for (HttpField field : fields) {
                String name = field.getName().toLowerCase(Locale.ROOT);
                if (kept(name)) {
                    headers.add(new Header(name, field.getValue()));
                }
            }
        }
        return headers;
    }

    static HttpFields fields(List<Header> headers) {
        HttpFields.Mutable fields = HttpFields.build();
        headers.forEach(h -> fields.add(h.name(), h.value()));
        return fields;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
