package dev.proxywasm.it.devproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.devproxy.DevProxy;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies go through the development proxy as Envoy passes them: chunk by chunk as they arrive, each
 * piece the plugin lets through on its way at once, and trailers in both directions.
 */
class StreamingTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final HttpClient client = new HttpClient();
    private final Server upstream = new Server();
    private final CountDownLatch clientGotTheFirstPiece = new CountDownLatch(1);
    private final AtomicReference<HttpFields> trailersUpstreamGot = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        client.start();
        ServerConnector connector = new ServerConnector(upstream);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        upstream.addConnector(connector);
        upstream.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback)
                    throws Exception {
                Content.Source.asInputStream(request).readAllBytes();
                trailersUpstreamGot.set(request.getTrailers());
                response.setStatus(200);
                response.setTrailersSupplier(() -> HttpFields.build().add("x-response-trailer", "upstream"));
                write(response, "first piece;");
                // The rest comes only once the client has the first piece: a proxy that buffered
                // whole bodies would wait here forever.
                boolean streamed = clientGotTheFirstPiece.await(10, TimeUnit.SECONDS);
                write(response, streamed ? "second piece" : "the first piece never reached the client");
                response.write(true, ByteBuffer.allocate(0), callback);
                return true;
            }
        });
        upstream.start();
    }

    private static void write(org.eclipse.jetty.server.Response response, String text) throws Exception {
        FutureCallback written = new FutureCallback();
        response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
        written.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        upstream.stop();
    }

    private DevProxy proxy(String module) throws Exception {
        URI upstreamUri = URI.create("http://127.0.0.1:" + ((ServerConnector) upstream.getConnectors()[0]).getLocalPort());
        return DevProxy.start(new DevProxy.Options(Path.of(System.getProperty("module." + module)), "{}", "127.0.0.1",
                0, upstreamUri, Map.of(), false), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void theAnswerReachesTheClientPieceByPieceAsTheUpstreamSendsIt() throws Exception {
        try (DevProxy proxy = proxy("fault-plugin")) {
            InputStreamResponseListener listener = new InputStreamResponseListener();
            client.newRequest("http://127.0.0.1:" + proxy.port() + "/").headers(h -> h.add("x-fault", "none"))
                    .send(listener);
            Response response = listener.get(10, TimeUnit.SECONDS);
            InputStream body = listener.getInputStream();

            byte[] first = new byte["first piece;".length()];
            int read = 0;
            while (read < first.length) {
                read += body.read(first, read, first.length - read);
            }
            clientGotTheFirstPiece.countDown();
            String rest = new String(body.readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(200, response.getStatus());
            assertEquals("first piece;second piece", new String(first, StandardCharsets.UTF_8) + rest);
        }
    }

    @Test
    void requestBodyChunksReachThePluginAsTheyArriveAndTrailersPassBothWays() throws Exception {
        try (DevProxy proxy = proxy("abi-plugin")) {
            AsyncRequestContent content = new AsyncRequestContent();
            InputStreamResponseListener listener = new InputStreamResponseListener();
            client.newRequest("http://127.0.0.1:" + proxy.port() + "/upload").method("POST")
                    .headers(h -> h.add("x-op", "none"))
                    .body(content)
                    .trailersSupplier(() -> HttpFields.build().add("x-checksum", "abc"))
                    .send(listener);
            content.write(ByteBuffer.wrap("12345678".getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
            Thread.sleep(300);
            content.write(ByteBuffer.wrap("abcdefg".getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
            content.close();
            clientGotTheFirstPiece.countDown();
            Response response = listener.get(10, TimeUnit.SECONDS);
            listener.getInputStream().readAllBytes();
            HttpFields responseTrailers = listener.await(10, TimeUnit.SECONDS).getResponse().getTrailers();

            assertEquals(200, response.getStatus());
            String log = console.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("[plugin] info: request body 8 bytes, end false"), log);
            assertTrue(log.contains("[plugin] info: request body 7 bytes, end false"), log);
            assertEquals("abc", trailersUpstreamGot.get().get("x-checksum"));
            assertEquals("1", trailersUpstreamGot.get().get("x-trailers-seen"), "the plugin's change to the trailers");
            assertEquals(List.of("seen"), responseTrailers.getValuesList("x-response-trailer"));
        }
    }

    @Test
    void thePluginsMetricsAreOnTheStatsPathAndPrintedWhenTheProxyStops() throws Exception {
        clientGotTheFirstPiece.countDown(); // this test does not watch the streaming
        try (DevProxy proxy = proxy("abi-plugin")) {
            client.newRequest("http://127.0.0.1:" + proxy.port() + "/").headers(h -> h.add("x-op", "metrics"))
                    .send();

            String stats = client.GET("http://127.0.0.1:" + proxy.port() + DevProxy.STATS_PATH).getContentAsString();

            assertTrue(stats.contains("exerciser_requests_total 1\n"), stats);
        }
        String log = console.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[proxy] the plugin's metrics:\n  exerciser_body_bytes "), log);
    }
}
