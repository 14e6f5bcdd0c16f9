package dev.proxywasm.it.devproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.proxywasm.api.json.Json;
import dev.proxywasm.devproxy.DevProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP requests, over loopback, through the development proxy and compiled modules. */
class DevProxyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CUSTOM_ERRORS_CONFIG = "{\"targetURLPrefixes\": [\"127.0.0.1\"]}";
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private static Path module(String name) {
        return Path.of(System.getProperty("module." + name));
    }

    private DevProxy start(String module, String config, URI upstream, Map<String, URI> clusters, boolean failOpen)
            throws Exception {
        return DevProxy.start(new DevProxy.Options(module(module), config, "127.0.0.1", 0, upstream, clusters,
                failOpen), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(DevProxy proxy, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void customErrorsRewritesErrorsFromTheBuiltInUpstream() throws Exception {
        try (DevProxy proxy = start("custom-errors", CUSTOM_ERRORS_CONFIG, null, Map.of(), false)) {
            HttpResponse<String> ok = get(proxy, "/hello");
            assertEquals(200, ok.statusCode());
            assertEquals("hello from the built-in upstream\n", ok.body());

            HttpResponse<String> notFound = get(proxy, "/status/404?secret=1", "x-request-id", "r-404");
            assertEquals(404, notFound.statusCode());
            assertEquals("application/problem+json", notFound.headers().firstValue("content-type").orElseThrow());
            Map<String, Object> doc = Json.parseObject(notFound.body());
            assertEquals("/status/404", doc.get("instance"));
            assertEquals("r-404", doc.get("trace_id"));

            HttpResponse<String> unavailable = get(proxy, "/status/503");
            assertEquals(503, unavailable.statusCode());
            assertEquals("upstream answered 503 for /status/503\n", Json.parseObject(unavailable.body()).get("detail"));

            HttpResponse<String> headersOnly = get(proxy, "/status/502/empty");
            assertEquals(502, headersOnly.statusCode());
            assertEquals("application/problem+json", headersOnly.headers().firstValue("content-type").orElseThrow());
            assertEquals("", Json.parseObject(headersOnly.body()).get("detail"));
        }
        assertTrue(console.toString(StandardCharsets.UTF_8)
                .contains("[plugin] info: Successfully transformed the response to rfc9457 format"));
    }

    @Test
    void callsOutToNamedClustersAndForwardsToTheGivenUpstream() throws Exception {
        HttpServer auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        auth.createContext("/check", exchange -> {
            exchange.getResponseHeaders().add("x-verdict", "allow");
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            byte[] body = String.valueOf(exchange.getRequestHeaders().getFirst("x-callout")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        auth.start();
        echo.start();
        try (DevProxy proxy = start("abi-plugin", "{}", URI.create("http://127.0.0.1:" + echo.getAddress().getPort()),
                Map.of("auth_cluster", URI.create("http://127.0.0.1:" + auth.getAddress().getPort())), false)) {
            HttpResponse<String> response = get(proxy, "/anything", "x-op", "callout", "x-user", "alice");

            assertEquals(200, response.statusCode());
            assertEquals("allow/pong", response.body());
        } finally {
            auth.stop(0);
            echo.stop(0);
        }
    }

    /** As in Envoy, a request the plugin paused is held until a tick resumes it, then goes upstream. */
    @Test
    void aPausedRequestWaitsForTheTickThatResumesIt() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            byte[] body = String.valueOf(exchange.getRequestHeaders().getFirst("x-resumed-by"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        try (DevProxy proxy = start("abi-plugin", "{}", uri(echo), Map.of(), false)) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(proxy, "/held", "x-op", "keep");
            long heldMillis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(200, response.statusCode(), response::body);
            assertEquals("tick 1", response.body());
            assertTrue(heldMillis >= 900, "answered after " + heldMillis + " ms, before the 1 s tick");
        } finally {
            echo.stop(0);
        }
    }

    /** An upstream that answers with the request's callout headers, as the exerciser plugin left them. */
    private static HttpServer calloutEcho() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestHeaders().getFirst("x-callout-status") + "|"
                    + exchange.getRequestHeaders().getFirst("x-callout") + "|"
                    + exchange.getRequestHeaders().getFirst("x-refused")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        return echo;
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aCalloutToAClusterNotMappedIsRefusedAsEnvoyRefusesIt() throws Exception {
        HttpServer echo = calloutEcho();
        try (DevProxy proxy = start("abi-plugin", "{}", uri(echo), Map.of(), false)) {
            HttpResponse<String> response = get(proxy, "/anything", "x-op", "callout", "x-cluster", "billing");

            assertEquals(200, response.statusCode());
            assertEquals("null|null|proxy_http_call billing BAD_ARGUMENT", response.body());
        } finally {
            echo.stop(0);
        }
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[proxy] the plugin called cluster billing,"
                + " which is not mapped: refused with BadArgument"), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aClusterThatCannotBeReachedAnswers503AsEnvoysRouterDoes() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpServer echo = calloutEcho();
        try (DevProxy proxy = start("abi-plugin", "{}", uri(echo),
                Map.of("auth_cluster", URI.create("http://127.0.0.1:" + closedPort)), false)) {
            HttpResponse<String> response = get(proxy, "/anything", "x-op", "callout");

            assertEquals("503 failed=false trailers=[]|null/upstream connect error or disconnect/reset before headers."
                    + " reset reason: remote connection failure|null", response.body());
        } finally {
            echo.stop(0);
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsEnvoysRouter504() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/", exchange -> {
            sleep(3000);
            exchange.close();
        });
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.start();
        HttpServer echo = calloutEcho();
        try (DevProxy proxy = start("abi-plugin", "{}", uri(echo), Map.of("auth_cluster", uri(slow)), false)) {
            HttpResponse<String> response = get(proxy, "/anything", "x-op", "callout", "x-timeout", "300");

            assertEquals("504 failed=false trailers=[]|null/upstream request timeout|null", response.body());
        } finally {
            echo.stop(0);
            slow.stop(0);
        }
    }

    @Test
    void anAnswerThatBreaksOffIsACalloutFailure() throws Exception {
        // Promises 100 bytes, sends 10 and closes the connection: a reset after the answer started.
        java.net.ServerSocket broken = new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            try (java.net.Socket socket = broken.accept()) {
                java.io.InputStream in = socket.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                }
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (java.io.IOException ignored) {
                // The test fails on the proxy's side if this server does not answer.
            }
        });
        server.start();
        HttpServer echo = calloutEcho();
        try (DevProxy proxy = start("abi-plugin", "{}", uri(echo),
                Map.of("auth_cluster", URI.create("http://127.0.0.1:" + broken.getLocalPort())), false)) {
            HttpResponse<String> response = get(proxy, "/anything", "x-op", "callout");

            assertEquals("null failed=true trailers=[]|null/|null", response.body());
        } finally {
            echo.stop(0);
            broken.close();
            server.join(5000);
        }
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[proxy] callout to auth_cluster failed: the answer"
                + " broke off"), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerThatStopsMidwayPastTheTimeoutIsACalloutFailure() throws Exception {
        HttpServer stalled = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stalled.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("start".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            sleep(3000);
            exchange.close();
        });
        stalled.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        stalled.start();
        HttpServer echo = calloutEcho();
        try (DevProxy proxy = start("abi-plugin", "{}", uri(echo), Map.of("auth_cluster", uri(stalled)), false)) {
            HttpResponse<String> response = get(proxy, "/anything", "x-op", "callout", "x-timeout", "500");

            assertEquals("null failed=true trailers=[]|null/|null", response.body());
        } finally {
            echo.stop(0);
            stalled.stop(0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An attribute the exerciser plugin copied into a response header, as text; null if not found. */
    private static String attribute(HttpResponse<?> response, String name) {
        String hex = response.headers().firstValue("x-attr-" + name).orElseThrow(
                () -> new AssertionError("no x-attr-" + name + " in " + response.headers().map()));
        return hex.equals("null") ? null : new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    /** An int64 attribute (8 bytes, little-endian) the exerciser plugin copied into a response header. */
    private static long int64(HttpResponse<?> response, String name) {
        byte[] bytes = HexFormat.of().parseHex(response.headers().firstValue("x-attr-" + name).orElseThrow());
        assertEquals(8, bytes.length, name);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void thePluginSeesTheRequestTheConnectionAndTheUpstreamStatusAsEnvoyAttributes() throws Exception {
        try (DevProxy proxy = start("abi-plugin", "{}", null, Map.of(), false)) {
            HttpResponse<String> response = get(proxy, "/status/404?color=red", "x-op", "attributes",
                    "x-request-id", "r-7", "x-attributes", "request.path,request.url_path,request.query,request.method,"
                            + "request.host,request.protocol,request.id,source.address,source.port,destination.address,"
                            + "destination.port,response.code,response.code_details");

            assertEquals(404, response.statusCode());
            assertEquals("/status/404?color=red", attribute(response, "request.path"));
            assertEquals("/status/404", attribute(response, "request.url_path"));
            assertEquals("color=red", attribute(response, "request.query"));
            assertEquals("GET", attribute(response, "request.method"));
            assertEquals("127.0.0.1:" + proxy.port(), attribute(response, "request.host"));
            assertEquals("HTTP/1.1", attribute(response, "request.protocol"));
            assertEquals("r-7", attribute(response, "request.id"));
            long clientPort = int64(response, "source.port");
            assertTrue(clientPort > 0 && clientPort != proxy.port(), Long.toString(clientPort));
            assertEquals("127.0.0.1:" + clientPort, attribute(response, "source.address"));
            assertEquals("127.0.0.1:" + proxy.port(), attribute(response, "destination.address"));
            assertEquals(proxy.port(), int64(response, "destination.port"));
            assertEquals(404, int64(response, "response.code"), "the upstream's status");
            assertEquals("via_upstream", attribute(response, "response.code_details"));
            assertEquals("code=404;details=via_upstream;path=/status/404?color=red",
                    response.headers().firstValue("x-typed").orElseThrow());
        }
    }

    @Test
    void anExceptionFailsItsOwnRequestClosedAndTheNextIsServed() throws Exception {
        try (DevProxy proxy = start("abi-plugin", "{}", null, Map.of(), false)) {
            HttpResponse<String> thrown = get(proxy, "/", "x-op", "throw");
            assertEquals(500, thrown.statusCode());

            assertThrows(java.io.IOException.class, () -> get(proxy, "/", "x-op", "throw-response-body"),
                    "an exception once the response has started resets the stream");

            assertEquals(200, get(proxy, "/", "x-op", "none").statusCode());
        }
        String console = this.console.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " java.lang.IllegalStateException: op throw; the stream gets a 500 (fail closed)"), console);
        assertTrue(console.contains("[proxy] the plugin reset the stream"), console);
    }

    @Test
    void aTrapFailsClosedAndLaterRequestsGet503() throws Exception {
        try (DevProxy proxy = start("fault-plugin", null, null, Map.of(), false)) {
            assertEquals(200, get(proxy, "/", "x-fault", "none").statusCode());

            assertEquals(503, get(proxy, "/", "x-fault", "recurse").statusCode());
            assertEquals(503, get(proxy, "/", "x-fault", "none").statusCode());
        }
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[proxy] the plugin trapped"));
    }

    @Test
    void aTrapFailsOpenWhenAskedTo() throws Exception {
        try (DevProxy proxy = start("fault-plugin", null, null, Map.of(), true)) {
            assertEquals(200, get(proxy, "/", "x-fault", "recurse").statusCode());
            HttpResponse<String> next = get(proxy, "/", "x-fault", "none");
            assertEquals(200, next.statusCode());
            assertEquals("hello from the built-in upstream\n", next.body());
        }
    }

    @Test
    void aPluginThatRefusesItsConfigurationStopsTheProxyWithItsOwnLogLine() {
        DevProxy.StartFailure failure = assertThrows(DevProxy.StartFailure.class,
                () -> start("custom-errors", "{\"targetURLPrefixes\": []}", null, Map.of(), false));

        assertEquals("the plugin failed to start (see its log line above)", failure.getMessage());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(
                "[plugin] critical: plugin configuration rejected: $.targetURLPrefixes: expected a non-empty list,"
                        + " found an empty one"));
    }

    @Test
    void aModuleThatWouldNotLoadInEnvoyIsRefused(@TempDir Path dir) throws Exception {
        Path broken = Files.write(dir.resolve("broken.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});

        DevProxy.StartFailure failure = assertThrows(DevProxy.StartFailure.class, () -> DevProxy.start(
                new DevProxy.Options(broken, null, "127.0.0.1", 0, null, Map.of(), false), new PrintStream(console)));

        assertTrue(failure.getMessage().contains("would not load in Envoy"), failure.getMessage());
        assertTrue(failure.getMessage().contains("exports no proxy_abi_version_0_2_1"), failure.getMessage());
    }

    @Test
    void aPortInUseFailsTheStartAndStopsEverythingItStarted() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();

            DevProxy.StartFailure failure = assertThrows(DevProxy.StartFailure.class, () -> DevProxy.start(
                    new DevProxy.Options(module("custom-errors"), CUSTOM_ERRORS_CONFIG, "127.0.0.1",
                            taken.getLocalPort(), null, Map.of(), false), new PrintStream(console)));

            assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is in use (choose another with --port, or 0 for a free one)", failure.getMessage());
            // The built-in upstream had started; its (non-daemon) threads must be gone.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            java.util.List<Thread> left;
            do {
                left = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()).toList();
            } while (!left.isEmpty() && System.nanoTime() < deadline && sleep());
            assertTrue(left.isEmpty(), "threads left running: " + left);
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
