package dev.proxywasm.devproxy;

import dev.proxywasm.api.Header;
import dev.proxywasm.emulator.Callout;
import dev.proxywasm.emulator.Emulator;
import dev.proxywasm.emulator.Exchange;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.Set;

/**
 * One plugin VM, driven as Envoy drives a filter, through the host model's whole-exchange driver
 * ({@link Exchange}): pauses, local replies and HTTP callouts included. Like an Envoy worker it runs
 * one callback at a time; requests are serialised on this object.
 *
 * <p>The clusters mapped with {@code --cluster} are the only ones the proxy knows: a callout to any
 * other is refused at dispatch ({@code BadArgument}, as Envoy refuses a cluster it does not have).
 * A callout to a mapped cluster gets what Envoy's async client gives ({@link ClusterCall}).
 */
final class PluginRunner {
    /**
     * Where a request came from: the client's address, the proxy's listening address it reached and
     * the protocol as Envoy names it ("HTTP/1.1"). The plugin sees them as Envoy's
     * {@code source.*}, {@code destination.*} and {@code request.protocol}.
     */
    record Client(InetSocketAddress source, InetSocketAddress destination, String protocol) {}

    private final Emulator emulator;
    private final Exchange exchanges;
    private final Map<String, URI> clusters;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Upstream upstreamClient;
    /** How long a request the plugin paused is held before the client gets a 504. */
    static final Duration PAUSED_REQUEST_HOLD = Duration.ofSeconds(30);
    private final Exchange.Hooks hooks = new Exchange.Hooks() {
        @Override
        public void afterCallback() {
            deliverCallouts();
        }

        @Override
        public void beforeEnd() {
            printLogs();
        }

        @Override
        public void onReset() {
            console.println("[proxy] the plugin reset the stream; the client's connection is closed");
        }

        /** Holds a paused request while ticks and other exchanges run (wait releases this runner). */
        @Override
        public boolean awaitResume(BooleanSupplier paused) {
            long deadline = System.nanoTime() + PAUSED_REQUEST_HOLD.toNanos();
            while (paused.getAsBoolean()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    console.println("[proxy] the plugin held the request paused for " + PAUSED_REQUEST_HOLD.toSeconds()
                            + " s; the client gets a 504");
                    return false;
                }
                try {
                    PluginRunner.this.wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    };
    private boolean trapReported;
    private int refusalsSeen;
    private final Set<String> refusedClustersReported = new java.util.HashSet<>();

    PluginRunner(Emulator emulator, Map<String, URI> clusters, PrintStream console) throws Exception {
        this.upstreamClient = new Upstream();
        this.emulator = emulator;
        this.exchanges = new Exchange(emulator);
        this.clusters = clusters;
        this.console = console;
        emulator.clusters().only(clusters.keySet());
    }

    /** Starts the plugin; false (after printing the plugin's own log lines) if it refused. */
    synchronized boolean start() {
        boolean started = emulator.vm().start();
        if (started) {
            deliverCallouts();
        }
        printLogs();
        return started;
    }

    /** Calls {@code proxy_on_tick} if the plugin asked for ticks; wakes exchanges holding a paused request. */
    synchronized void tick() {
        if (emulator.vm().tickPeriodMilliseconds() > 0) {
            emulator.vm().tick();
            deliverCallouts();
            printLogs();
            notifyAll();
        }
    }

    synchronized int tickPeriodMilliseconds() {
        return emulator.vm().tickPeriodMilliseconds();
    }

    /**
     * Runs one exchange from {@code client} as Envoy runs a filter: the request through the plugin,
     * then {@code upstream}, then the answer back through the plugin to the client.
     */
    synchronized void exchange(Client client, Exchange.Client downstream, URI upstream, String method)
            throws IOException {
        emulator.settings().connect(client.source(), client.destination());
        emulator.settings().setProtocol(client.protocol());
        try {
            exchanges.run(downstream, (headers, body, trailers) -> upstreamClient.send(upstream, method, headers, body,
                    trailers), hooks);
        } finally {
            printLogs();
        }
    }

    /** The plugin's metrics, for the stats page and the proxy's last words. */
    synchronized Map<String, Long> metrics() {
        return emulator.metrics().snapshot();
    }

    /** Stops the upstream client. */
    void close() throws Exception {
        upstreamClient.close();
    }

    /** Performs the plugin's HTTP callouts against the configured clusters and delivers the outcomes. */
    private void deliverCallouts() {
        reportRefusedCalls();
        for (int round = 0; round < 16 && !emulator.callouts().pending().isEmpty(); round++) {
            for (Callout call : emulator.callouts().pending()) {
                ClusterCall.Outcome outcome = ClusterCall.perform(http, clusters.get(call.upstream()), call);
                if (outcome.failure() != null) {
                    console.println("[proxy] callout to " + call.upstream() + " failed: " + outcome.failure()
                            + "; the plugin gets a callout failure");
                    emulator.events().calloutFailure(call.token());
                } else {
                    if (outcome.note() != null) {
                        console.println("[proxy] callout to " + call.upstream() + ": " + outcome.note()
                                + "; Envoy's router answers " + outcome.status());
                    }
                    List<Header> headers = new ArrayList<>();
                    headers.add(new Header(":status", Integer.toString(outcome.status())));
                    headers.addAll(outcome.headers());
                    emulator.events().calloutResponse(call.token(), headers, outcome.body(), List.of());
                }
                reportRefusedCalls();
            }
        }
    }

    /** Says, once per cluster, that the plugin called a cluster that is not mapped, and how to map it. */
    private void reportRefusedCalls() {
        List<String> refused = emulator.clusters().refused();
        for (; refusalsSeen < refused.size(); refusalsSeen++) {
            String cluster = refused.get(refusalsSeen);
            if (refusedClustersReported.add(cluster)) {
                console.println("[proxy] the plugin called cluster " + cluster + ", which is not mapped: refused with"
                        + " BadArgument, as Envoy refuses a cluster it does not have (known: " + clusters.keySet()
                        + "; add --cluster " + cluster + "=http://host:port)");
            }
        }
    }

    static void copyHeaders(List<Header> headers, HttpRequest.Builder builder) {
        for (Header h : headers) {
            if (Upstream.forwarded(h.name().toLowerCase(Locale.ROOT))) {
                try {
                    builder.header(h.name(), h.value());
                } catch (IllegalArgumentException restricted) {
                    // The JDK client refuses a few headers it manages itself.
                }
            }
        }
    }

    static List<Header> headersOf(HttpResponse<?> response) {
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (Upstream.kept(lower)) {
                values.forEach(v -> headers.add(new Header(lower, v)));
            }
        });
        return headers;
    }

    static String valueOf(List<Header> headers, String name, String fallback) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return fallback;
    }

    private void printLogs() {
        for (String line : emulator.logs().take()) {
            console.println("[plugin] " + line);
        }
        if (emulator.vm().trap() != null && !trapReported) {
            trapReported = true;
            console.println("[proxy] the plugin trapped: " + emulator.vm().trap().getMessage()
                    + "; as in Envoy, the VM is failed and every later request follows the fail policy");
        }
    }
}
