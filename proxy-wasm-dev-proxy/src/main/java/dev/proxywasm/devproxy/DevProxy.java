package dev.proxywasm.devproxy;

import dev.proxywasm.api.Header;
import dev.proxywasm.validator.ModuleValidator;
import dev.proxywasm.validator.ValidationReport;
import dev.proxywasm.emulator.Emulator;
import dev.proxywasm.emulator.Exchange;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A reverse proxy on localhost that runs every request and response through a plugin's compiled
 * module, in the emulator's host (Chicory compiler) with Envoy's filter semantics: bodies reach the
 * plugin chunk by chunk as they arrive and go on as the plugin lets them through, trailers pass in
 * both directions. Jetty serves the client side and talks to the upstream; the JDK's client calls
 * the callout clusters. With no upstream given, a built-in one answers. The plugin's metrics are
 * at {@link #STATS_PATH} and printed when the proxy stops.
 */
public final class DevProxy implements AutoCloseable {
    /** How to run. */
    public record Options(Path module, String pluginConfiguration, String host, int port, URI upstream,
            Map<String, URI> clusters, boolean failOpen) {}

    /** The plugin could not be loaded or refused to start; the message says why. */
    public static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }

    private final Server server = new Server();
    private Server upstreamServer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "proxy-wasm-tick");
        t.setDaemon(true);
        return t;
    });
    private Emulator emulator;
    private PluginRunner runner;
    private PrintStream console;
    private URI upstream;

    private DevProxy(Options options, PrintStream console) throws Exception {
        this.console = console;
        byte[] module;
        try {
            module = Files.readAllBytes(options.module());
        } catch (NoSuchFileException e) {
            throw new StartFailure(options.module() + " does not exist");
        } catch (IOException e) {
            throw new StartFailure("cannot read " + options.module() + ": " + e.getMessage());
        }
        ValidationReport report = ModuleValidator.validate(module);
        if (report.hasErrors()) {
            throw new StartFailure(options.module() + " would not load in Envoy:\n  "
                    + String.join("\n  ", report.errors()));
        }
        // Whatever fails from here on, everything started so far is stopped, so that no server
        // thread keeps the JVM alive after a failed start.
        try {
            emulator = Emulator.inWasm(options.module());
            emulator.vm().setFailOpen(options.failOpen());
            if (options.pluginConfiguration() != null) {
                emulator.settings().setPluginConfiguration(
                        options.pluginConfiguration().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            runner = new PluginRunner(emulator, options.clusters(), console);
            if (!runner.start()) {
                throw new StartFailure("the plugin failed to start (see its log line above)");
            }
            if (options.upstream() == null) {
                upstreamServer = new Server();
                ServerConnector connector = new ServerConnector(upstreamServer);
                connector.setHost("127.0.0.1");
                connector.setPort(0);
                upstreamServer.addConnector(connector);
                upstreamServer.setHandler(new BuiltInUpstream());
                upstreamServer.start();
                upstream = URI.create("http://127.0.0.1:" + connector.getLocalPort());
            } else {
                upstream = options.upstream();
            }
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendDateHeader(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(options.host());
            connector.setPort(options.port());
            server.addConnector(connector);
            server.setHandler(new ProxyHandler());
            try {
                server.start();
            } catch (IOException e) {
                if (causedBy(e, java.net.BindException.class)) {
                    throw new StartFailure("cannot listen on " + options.host() + ":" + options.port()
                            + ": the port is in use (choose another with --port, or 0 for a free one)");
                }
                throw e;
            }
            ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        } catch (Throwable e) {
            closeQuietly();
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception | LinkageError suppressed) {
            // a failed start is already being reported; stopping what started is best effort
        }
    }

    /** Validates and starts the plugin, then serves. */
    public static DevProxy start(Options options, PrintStream console) throws Exception {
        return new DevProxy(options, console);
    }

    /** The port the proxy listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Where requests go after the plugin. */
    public URI upstream() {
        return upstream;
    }

    private long lastTick;
    private int tickPeriod;

    /** As in Envoy, the first tick comes one period after the plugin set it, and a new period starts over. */
    private void tick() {
        int period = runner.tickPeriodMilliseconds();
        long now = System.currentTimeMillis();
        if (period != tickPeriod) {
            tickPeriod = period;
            lastTick = now;
        } else if (period > 0 && now - lastTick >= period) {
            lastTick = now;
            runner.tick();
        }
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        if (runner != null && console != null) {
            String stats = stats();
            if (!stats.isEmpty()) {
                console.print("[proxy] the plugin's metrics:\n" + stats.indent(2));
            }
            runner.close();
        }
        Exception failure = null;
        for (Server s : new Server[] {server, upstreamServer}) {
            try {
                if (s != null) {
                    s.stop();
                }
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (emulator != null) {
            emulator.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The path where the proxy itself answers with the plugin's metrics, as Envoy's admin /stats does. */
    public static final String STATS_PATH = "/.proxy-wasm/stats";

    /** The plugin's metrics, {@code name value} a line, sorted by name. */
    public String stats() {
        StringBuilder text = new StringBuilder();
        runner.metrics().forEach((name, value) -> text.append(name).append(' ').append(value).append('\n'));
        return text.toString();
    }

    /** Every request: plugin, upstream, plugin, client, chunk by chunk. */
    private final class ProxyHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (STATS_PATH.equals(request.getHttpURI().getPath())) {
                response.getHeaders().put("content-type", "text/plain; charset=utf-8");
                response.write(true, ByteBuffer.wrap(stats().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        callback);
                return true;
            }
            List<Header> headers = new ArrayList<>();
            String path = request.getHttpURI().getPathQuery();
            headers.add(new Header(":authority", hostOf(request)));
            headers.add(new Header(":path", path == null ? "/" : path));
            headers.add(new Header(":method", request.getMethod()));
            headers.add(new Header(":scheme", request.getHttpURI().getScheme() == null ? "http"
                    : request.getHttpURI().getScheme()));
            for (HttpField field : request.getHeaders()) {
                String name = field.getName().toLowerCase(Locale.ROOT);
                if (!name.equals("host")) {
                    headers.add(new Header(name, field.getValue()));
                }
            }
            runner.exchange(clientOf(request), new JettyDownstream(request, response, callback, headers), upstream,
                    request.getMethod());
            return true;
        }

        /** The connection's two ends and the protocol, as the plugin's Envoy attributes describe them. */
        private PluginRunner.Client clientOf(Request request) {
            ConnectionMetaData connection = request.getConnectionMetaData();
            String protocol = switch (connection.getHttpVersion()) {
                case HTTP_1_0 -> "HTTP/1.0";
                case HTTP_2 -> "HTTP/2";
                case HTTP_3 -> "HTTP/3";
                default -> "HTTP/1.1";
            };
            return new PluginRunner.Client(inet(connection.getRemoteSocketAddress(), "127.0.0.1"),
                    inet(connection.getLocalSocketAddress(), "127.0.0.1"), protocol);
        }

        private static InetSocketAddress inet(SocketAddress address, String fallbackHost) {
            return address instanceof InetSocketAddress inet ? inet : new InetSocketAddress(fallbackHost, 0);
        }

        private String hostOf(Request request) {
            String host = request.getHeaders().get("host");
            return host != null ? host : request.getHttpURI().getAuthority();
        }
    }

    /** The client's side of an exchange over Jetty: blocking reads and writes on the handler's thread. */
    private static final class JettyDownstream implements Exchange.Client {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final List<Header> headers;
        private final java.io.InputStream body;
        private final byte[] buffer = new byte[16 * 1024];
        private volatile List<Header> trailers = List.of();

        JettyDownstream(Request request, Response response, Callback callback, List<Header> headers) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.headers = headers;
            this.body = Content.Source.asInputStream(request);
        }

        @Override
        public List<Header> requestHeaders() {
            return headers;
        }

        @Override
        public byte[] readRequestChunk() throws IOException {
            int n = body.read(buffer);
            return n < 0 ? null : java.util.Arrays.copyOf(buffer, n);
        }

        @Override
        public List<Header> requestTrailers() {
            List<Header> trailers = new ArrayList<>();
            org.eclipse.jetty.http.HttpFields fields = request.getTrailers();
            if (fields != null) {
                for (HttpField field : fields) {
                    trailers.add(new Header(field.getName().toLowerCase(Locale.ROOT), field.getValue()));
                }
            }
            return trailers;
        }

        @Override
        public void respond(int status, List<Header> answerHeaders) {
            // Jetty takes the trailers supplier into account only when it is set before the
            // response is committed; the trailers themselves are known at the end.
            response.setTrailersSupplier(() -> trailers.isEmpty() ? null : Upstream.fields(trailers));
            response.setStatus(status);
            for (Header h : answerHeaders) {
                if (!h.name().equals("content-length") && !h.name().equals("transfer-encoding")) {
                    response.getHeaders().add(h.name(), h.value());
                }
            }
        }

        @Override
        public void write(byte[] chunk) throws IOException {
            if (chunk.length == 0) {
                return;
            }
            org.eclipse.jetty.util.FutureCallback written = new org.eclipse.jetty.util.FutureCallback();
            response.write(false, ByteBuffer.wrap(chunk), written);
            try {
                written.get();
            } catch (Exception e) {
                throw new IOException("the client went away: " + e.getMessage(), e);
            }
        }

        @Override
        public void finish(List<Header> answerTrailers) {
            trailers = answerTrailers;
            response.write(true, ByteBuffer.allocate(0), callback);
        }

        @Override
        public void reset() {
            // Closing the connection is the closest HTTP/1.1 has to Envoy's stream reset; failing
            // the callback alone would make Jetty send a 500 if nothing was sent yet.
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("stream reset by the plugin"));
        }
    }

    /** Builds options; unset fields take the defaults. */
    static Options options(Path module, String configuration, int port, URI upstream, Map<String, URI> clusters,
            boolean failOpen) {
        return new Options(module, configuration, "127.0.0.1", port, upstream, new LinkedHashMap<>(clusters), failOpen);
    }
}
