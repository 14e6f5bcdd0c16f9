package dev.proxywasm.devproxy;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.HttpCallout;
import dev.proxywasm.testing.SentLocalResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One plugin VM, driven as Envoy drives a filter: request headers, body chunks as they arrive and
 * trailers, upstream, then the answer the same way, with pauses, local replies and HTTP callouts.
 * Like an Envoy worker it runs one callback at a time; requests are serialised on this object.
 *
 * <p>The clusters mapped with {@code --cluster} are the only ones the proxy knows: a callout to any
 * other is refused at dispatch ({@code BadArgument}, as Envoy refuses a cluster it does not have).
 * A callout to a mapped cluster gets what Envoy's async client gives ({@link ClusterCall}).
 */
final class PluginRunner {
    /**
     * The client's side of one exchange: the request as it arrives, chunk by chunk, and the answer
     * as the plugin lets it through.
     */
    interface Downstream {
        /** The request headers, pseudo-headers ({@code :path}, {@code :method}, …) included. */
        List<Header> requestHeaders();

        /** The next chunk of the request body as the client sent it; null once it ended. */
        byte[] readRequestChunk() throws IOException;

        /** The request's trailers, once its body ended; empty if it had none. */
        List<Header> requestTrailers();

        /** Sends the status and headers; the body follows. */
        void respond(int status, List<Header> headers) throws IOException;

        /** Sends a piece of the body. */
        void write(byte[] chunk) throws IOException;

        /** Ends the answer, with its trailers (if any). */
        void finish(List<Header> trailers) throws IOException;

        /** Ends the exchange without (the rest of) an answer: Envoy's stream reset. */
        void reset();
    }

    /**
     * Where a request came from: the client's address, the proxy's listening address it reached and
     * the protocol as Envoy names it ("HTTP/1.1"). The plugin sees them as Envoy's
     * {@code source.*}, {@code destination.*} and {@code request.protocol}.
     */
    record Client(InetSocketAddress source, InetSocketAddress destination, String protocol) {}


    private final HostEmulator host;
    private final Map<String, URI> clusters;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Upstream upstreamClient;
    private boolean trapReported;
    private int refusalsSeen;
    private final Set<String> refusedClustersReported = new java.util.HashSet<>();

    PluginRunner(HostEmulator host, Map<String, URI> clusters, PrintStream console) throws Exception {
        this.upstreamClient = new Upstream();
        this.host = host;
        this.clusters = clusters;
        this.console = console;
        host.withClusters(clusters.keySet().toArray(new String[0]));
    }

    /** Starts the plugin; false (after printing the plugin's own log lines) if it refused. */
    synchronized boolean start() {
        boolean started = host.startPlugin();
        if (started) {
            deliverCallouts();
        }
        printLogs();
        return started;
    }

    /** Calls {@code proxy_on_tick} if the plugin asked for ticks. */
    synchronized void tick() {
        if (host.getTickPeriodMilliseconds() > 0) {
            host.tick();
            deliverCallouts();
            printLogs();
        }
    }

    synchronized int tickPeriodMilliseconds() {
        return host.getTickPeriodMilliseconds();
    }

    /** What Envoy does to a stream the plugin closed (or that failed closed once the response started). */
    private void reset(Downstream client) {
        printLogs();
        console.println("[proxy] the plugin reset the stream; the client's connection is closed");
        client.reset();
    }

    /**
     * Runs one exchange from {@code client} as Envoy runs a filter: the request body chunk by chunk
     * as it arrives and its trailers, then {@code upstream}, then the answer chunk by chunk, each
     * piece the plugin lets through written to the client at once, then the answer's trailers.
     */
    synchronized void exchange(Client client, Downstream downstream, URI upstream, String method)
            throws IOException {
        host.withConnection(client.source(), client.destination()).withProtocol(client.protocol());
        int id = host.initializeHttpContext();
        try {
            // Each chunk goes to the plugin as it arrives; the end of a body whose length was not
            // announced comes, as in Envoy, as an empty last chunk (or as the trailers).
            byte[] chunk = downstream.readRequestChunk();
            List<Header> trailers = chunk == null ? downstream.requestTrailers() : List.of();
            host.callOnRequestHeaders(id, downstream.requestHeaders(), chunk == null && trailers.isEmpty());
            deliverCallouts();
            if (chunk != null) {
                for (; chunk != null; chunk = downstream.readRequestChunk()) {
                    host.callOnRequestBody(id, chunk, false);
                    deliverCallouts();
                }
                trailers = downstream.requestTrailers();
                if (trailers.isEmpty()) {
                    host.callOnRequestBody(id, new byte[0], true);
                    deliverCallouts();
                }
            }
            if (!trailers.isEmpty()) {
                host.callOnRequestTrailers(id, trailers);
                deliverCallouts();
            }
            if (endedByPlugin(id, downstream)) {
                return;
            }
            if (host.isRequestPaused(id)) {
                answerWhole(downstream, 504, List.of(new Header("content-type", "text/plain")),
                        "the plugin paused the request and never resumed it\n".getBytes());
                return;
            }
            respond(id, downstream, upstreamClient.send(upstream, method, host.getCurrentRequestHeaders(id),
                    host.getCurrentRequestBody(id), host.getCurrentRequestTrailers(id)));
        } finally {
            host.completeHttpContext(id);
            printLogs();
        }
    }

    /** The answer's way back through the plugin to the client. */
    private void respond(int id, Downstream downstream, Upstream.Answer answer) throws IOException {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(":status", Integer.toString(answer.status)));
        headers.addAll(answer.headers);
        byte[] chunk = answer.read();
        List<Header> trailers = chunk == null ? answer.trailers() : List.of();
        host.callOnResponseHeaders(id, headers, chunk == null && trailers.isEmpty());
        deliverCallouts();
        // Sent from the response headers, a local reply replaces the answer.
        if (endedByPlugin(id, downstream)) {
            return;
        }
        boolean committed = false;
        int sent = 0;
        boolean hadBody = chunk != null;
        for (boolean last = false; chunk != null || hadBody && !last; ) {
            last = chunk == null;
            if (last) {
                trailers = answer.trailers();
                if (!trailers.isEmpty()) {
                    break;
                }
            }
            host.callOnResponseBody(id, last ? new byte[0] : chunk, last);
            deliverCallouts();
            if (host.isStreamClosed(id) || committed && host.getSentLocalResponse(id) != null) {
                reset(downstream);
                return;
            }
            if (!committed && !host.isResponsePaused(id)) {
                committed = commit(id, downstream, answer.status);
            }
            if (committed) {
                sent = writeForwarded(id, downstream, sent);
            }
            chunk = last ? null : answer.read();
        }
        if (!trailers.isEmpty()) {
            host.callOnResponseTrailers(id, trailers);
            deliverCallouts();
            if (host.isStreamClosed(id)) {
                reset(downstream);
                return;
            }
        }
        if (!committed) {
            commit(id, downstream, answer.status);
        }
        writeForwarded(id, downstream, sent);
        finish(downstream, host.getCurrentResponseTrailers(id));
    }

    /** Whether the plugin ended the stream itself (a reset, or a local reply), answered here if so. */
    private boolean endedByPlugin(int id, Downstream downstream) throws IOException {
        if (host.isStreamClosed(id)) {
            reset(downstream);
            return true;
        }
        SentLocalResponse reply = host.getSentLocalResponse(id);
        if (reply != null) {
            answerWhole(downstream, reply.status(), withoutStatus(reply.headers()), reply.body());
            return true;
        }
        return false;
    }

    /** An answer the proxy has whole: a local reply, or its own. */
    private void answerWhole(Downstream downstream, int status, List<Header> headers, byte[] body) throws IOException {
        downstream.respond(status, headers);
        downstream.write(body);
        finish(downstream, List.of());
    }

    /** Ends the answer; the plugin's log lines of this exchange go out first. */
    private void finish(Downstream downstream, List<Header> trailers) throws IOException {
        printLogs();
        downstream.finish(trailers);
    }

    /** Sends the response headers as the plugin left them. */
    private boolean commit(int id, Downstream downstream, int upstreamStatus) throws IOException {
        List<Header> headers = host.getCurrentResponseHeaders(id);
        int status = Integer.parseInt(valueOf(headers, ":status", Integer.toString(upstreamStatus)));
        downstream.respond(status, withoutStatus(headers));
        return true;
    }

    /** Writes what the plugin let through since {@code sent} bytes; returns the new total. */
    private int writeForwarded(int id, Downstream downstream, int sent) throws IOException {
        byte[] forwarded = host.getForwardedResponseBody(id);
        if (forwarded.length > sent) {
            downstream.write(Arrays.copyOfRange(forwarded, sent, forwarded.length));
        }
        return forwarded.length;
    }

    /** The plugin's metrics, for the stats page and the proxy's last words. */
    synchronized Map<String, Long> metrics() {
        return host.getMetrics();
    }

    /** Stops the upstream client. */
    void close() throws Exception {
        upstreamClient.close();
    }

    /** Performs the plugin's HTTP callouts against the configured clusters and delivers the outcomes. */
    private void deliverCallouts() {
        reportRefusedCalls();
        for (int round = 0; round < 16 && !host.getHttpCallouts().isEmpty(); round++) {
            for (HttpCallout call : host.getHttpCallouts()) {
                ClusterCall.Outcome outcome = ClusterCall.perform(http, clusters.get(call.upstream()), call);
                if (outcome.failure() != null) {
                    console.println("[proxy] callout to " + call.upstream() + " failed: " + outcome.failure()
                            + "; the plugin gets a callout failure");
                    host.callOnHttpCallFailure(call.token());
                } else {
                    if (outcome.note() != null) {
                        console.println("[proxy] callout to " + call.upstream() + ": " + outcome.note()
                                + "; Envoy's router answers " + outcome.status());
                    }
                    List<Header> headers = new ArrayList<>();
                    headers.add(new Header(":status", Integer.toString(outcome.status())));
                    headers.addAll(outcome.headers());
                    host.callOnHttpCallResponse(call.token(), headers, outcome.body(), List.of());
                }
                reportRefusedCalls();
            }
        }
    }

    /** Says, once per cluster, that the plugin called a cluster that is not mapped, and how to map it. */
    private void reportRefusedCalls() {
        List<String> refused = host.getRefusedCalls();
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

    private static List<Header> withoutStatus(List<Header> headers) {
        List<Header> out = new ArrayList<>();
        for (Header h : headers) {
            if (!h.name().startsWith(":")) {
                out.add(h);
            }
        }
        return out;
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
        for (String line : host.takeLogs()) {
            console.println("[plugin] " + line);
        }
        if (host.getTrap() != null && !trapReported) {
            trapReported = true;
            console.println("[proxy] the plugin trapped: " + host.getTrap().getMessage()
                    + "; as in Envoy, the VM is failed and every later request follows the fail policy");
        }
    }
}
