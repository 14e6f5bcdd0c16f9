package dev.proxywasm.devproxy;

import dev.proxywasm.api.Header;
import dev.proxywasm.teavm.validator.ModuleValidator;
import dev.proxywasm.teavm.validator.ValidationReport;
import dev.proxywasm.testing.HostEmulator;
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
 * module, in the emulator's host (Chicory compiler) with Envoy's filter semantics. Jetty serves the
 * HTTP/1.1 side (chunked bodies and keep-alive included); the JDK's client talks to the upstream
 * and to callout clusters. With no upstream given, a built-in one answers.
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
    private HostEmulator emulator;
    private PluginRunner runner;
    private URI upstream;

    private DevProxy(Options options, PrintStream console) throws Exception {
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
            emulator = HostEmulator.inWasm(options.module()).withFailOpen(options.failOpen());
            if (options.pluginConfiguration() != null) {
                emulator.withPluginConfiguration(options.pluginConfiguration());
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

    private void tick() {
        int period = runner.tickPeriodMilliseconds();
        long now = System.currentTimeMillis();
        if (period > 0 && now - lastTick >= period) {
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

    /** Every request: plugin, upstream, plugin, client. */
    private final class ProxyHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body = Content.Source.asInputStream(request).readAllBytes();
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
            String method = request.getMethod();
            PluginRunner.Message answer = runner.exchange(clientOf(request), new PluginRunner.Message(0, headers, body),
                    forwarded -> runner.forward(upstream, method, forwarded));
            if (answer.status() == PluginRunner.RESET) {
                // Closing the connection before a byte of the response is the closest HTTP/1.1 has to
                // Envoy's stream reset; failing the callback alone would make Jetty send a 500.
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new java.io.IOException("stream reset by the plugin"));
                return true;
            }
            response.setStatus(answer.status());
            for (Header h : answer.headers()) {
                if (!h.name().equals("content-length") && !h.name().equals("transfer-encoding")) {
                    response.getHeaders().add(h.name(), h.value());
                }
            }
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
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

    /** Builds options; unset fields take the defaults. */
    static Options options(Path module, String configuration, int port, URI upstream, Map<String, URI> clusters,
            boolean failOpen) {
        return new Options(module, configuration, "127.0.0.1", port, upstream, new LinkedHashMap<>(clusters), failOpen);
    }
}
