package dev.proxywasm.devproxy;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.HttpCallout;
import dev.proxywasm.testing.SentLocalResponse;
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
import java.util.Set;

/**
 * One plugin VM, driven as Envoy drives a filter: request headers and body, upstream, response
 * headers and body, with pauses, local replies and HTTP callouts. Like an Envoy worker it runs one
 * callback at a time; requests are serialised on this object.
 *
 * <p>The clusters mapped with {@code --cluster} are the only ones the proxy knows: a callout to any
 * other is refused at dispatch ({@code BadArgument}, as Envoy refuses a cluster it does not have).
 * A callout to a mapped cluster gets what Envoy's async client gives ({@link ClusterCall}).
 */
final class PluginRunner {
    /** A request or a response as the proxy sees it. */
    record Message(int status, List<Header> headers, byte[] body) {}

    /** The status of an answer that is no answer: the stream was reset. */
    static final int RESET = -1;

    /**
     * Where a request came from: the client's address, the proxy's listening address it reached and
     * the protocol as Envoy names it ("HTTP/1.1"). The plugin sees them as Envoy's
     * {@code source.*}, {@code destination.*} and {@code request.protocol}.
     */
    record Client(InetSocketAddress source, InetSocketAddress destination, String protocol) {}

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding",
            "upgrade", "proxy-connection", "te", "trailer", "host", "content-length", "expect");

    private final HostEmulator host;
    private final Map<String, URI> clusters;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean trapReported;
    private int refusalsSeen;
    private final Set<String> refusedClustersReported = new java.util.HashSet<>();

    PluginRunner(HostEmulator host, Map<String, URI> clusters, PrintStream console) {
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
    private Message reset() {
        console.println("[proxy] the plugin reset the stream; the client's connection is closed without a response");
        return new Message(RESET, List.of(), new byte[0]);
    }

    /** Runs one exchange from {@code client}; {@code upstream} is called with the request as the plugin left it. */
    synchronized Message exchange(Client client, Message request,
            java.util.function.Function<Message, Message> upstream) {
        host.withConnection(client.source(), client.destination()).withProtocol(client.protocol());
        int id = host.initializeHttpContext();
        try {
            boolean hasBody = request.body().length > 0;
            host.callOnRequestHeaders(id, request.headers(), !hasBody);
            deliverCallouts();
            if (hasBody) {
                host.callOnRequestBody(id, request.body(), true);
                deliverCallouts();
            }
            if (host.isStreamClosed(id)) {
                return reset();
            }
            SentLocalResponse reply = host.getSentLocalResponse(id);
            if (reply != null) {
                return new Message(reply.status(), withoutStatus(reply.headers()), reply.body());
            }
            if (host.isRequestPaused(id)) {
                return new Message(504, List.of(new Header("content-type", "text/plain")),
                        "the plugin paused the request and never resumed it\n".getBytes());
            }
            Message answer = upstream.apply(new Message(0, host.getCurrentRequestHeaders(id), host.getCurrentRequestBody(id)));
            List<Header> responseHeaders = new ArrayList<>();
            responseHeaders.add(new Header(":status", Integer.toString(answer.status())));
            responseHeaders.addAll(answer.headers());
            boolean responseBody = answer.body().length > 0;
            host.callOnResponseHeaders(id, responseHeaders, !responseBody);
            deliverCallouts();
            if (responseBody && host.getSentLocalResponse(id) == null) {
                host.callOnResponseBody(id, answer.body(), true);
                deliverCallouts();
            }
            if (host.isStreamClosed(id)) {
                return reset();
            }
            List<Header> finalHeaders = host.getCurrentResponseHeaders(id);
            int status = Integer.parseInt(valueOf(finalHeaders, ":status", Integer.toString(answer.status())));
            return new Message(status, withoutStatus(finalHeaders), host.getCurrentResponseBody(id));
        } finally {
            host.completeHttpContext(id);
            printLogs();
        }
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

    /** Sends {@code request} to {@code base} and returns the answer, headers lower-cased. */
    Message forward(URI base, String method, Message request) {
        try {
            return send(base, method, request.headers(), request.body(), Duration.ofSeconds(30));
        } catch (Exception e) {
            return new Message(502, List.of(new Header("content-type", "text/plain")),
                    ("upstream " + base + " failed: " + e + "\n").getBytes());
        }
    }

    /** One HTTP exchange to {@code base} + the {@code :path} of {@code headers}, headers lower-cased. */
    private Message send(URI base, String method, List<Header> headers, byte[] body, Duration timeout)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(valueOf(headers, ":path", "/")))
                .timeout(timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        copyHeaders(headers, builder);
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Message(response.statusCode(), headersOf(response), response.body());
    }

    static void copyHeaders(List<Header> headers, HttpRequest.Builder builder) {
        for (Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name)) {
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
            if (!lower.startsWith(":") && !HOP_BY_HOP.contains(lower) || lower.equals("content-length")) {
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
