package dev.proxywasm.it.abi;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.CalloutRefusedException;
import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.ForeignFunction;
import dev.proxywasm.api.GrpcCall;
import dev.proxywasm.api.GrpcStatus;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpCall;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.Metric;
import dev.proxywasm.api.OnForeignFunction;
import dev.proxywasm.api.OnPluginShutdown;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnQueueReady;
import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnRequestTrailers;
import dev.proxywasm.api.OnResponseBody;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnResponseTrailers;
import dev.proxywasm.api.OnStreamDone;
import dev.proxywasm.api.OnTick;
import dev.proxywasm.api.Plugin;
import dev.proxywasm.api.Properties;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.SharedData;
import dev.proxywasm.api.SharedQueue;
import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.HostCallException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercises every host function, so the emulator's tests can check each ABI area through the
 * compiled module, through the SDK's typed API. The request header {@code x-op} picks what a
 * request does.
 *
 * <p>{@code x-op: attributes} reads Envoy's attributes: each name listed in {@code x-attributes}
 * (comma-separated, segments joined by dots, e.g. {@code request.path,source.port}) is read raw in
 * the request headers callback and again in the response headers callback, and added to the
 * request or response headers as {@code x-attr-<name>: <hex of the bytes>} ({@code null} when not
 * found); at the end of the response body each is logged as {@code attr <name> = <hex>}. The
 * header {@code x-typed} carries what the typed getters of {@code Properties} return. With
 * {@code x-reply: <status>} the request is answered locally.
 */
@ProxyWasmPlugin(stream = AbiExerciser.Exchange.class)
public final class AbiExerciser {
    private SharedQueue queue;
    private Metric requests;
    private Metric inFlight;
    private Metric bodyBytes;
    private int ticks;
    private boolean finishLater;
    /** The stream {@code x-op: keep} paused; the next tick resumes it through this handle. */
    private HttpStream kept;

    private static Host host() {
        return HostBinding.host();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    @OnPluginStart
    boolean start(Configuration configuration) {
        Log.info("configured: " + configuration.text());
        finishLater = configuration.text().contains("finish-later");
        if (finishLater) {
            // Envoy ticks only a plugin that asked for ticks; the tick finishes the deferred shutdown.
            Plugin.setTickPeriod(1000);
        }
        if (configuration.text().contains("root-property")) {
            // Outside a stream Envoy has no filter state to keep a property in: NotFound, nothing stored.
            Properties.set(utf8("root"), "root_key");
            Log.info("root property: " + Properties.get("root_key"));
        }
        queue = SharedQueue.register("exerciser");
        requests = Metric.counter("exerciser_requests_total");
        inFlight = Metric.gauge("exerciser_in_flight");
        bodyBytes = Metric.histogram("exerciser_body_bytes");
        return true;
    }

    @OnTick
    void tick() {
        ticks++;
        Log.info("tick " + ticks);
        if (finishLater) {
            Plugin.finishShutdown();
        }
        if (kept != null) {
            HttpStream stream = kept;
            kept = null;
            stream.requestHeaders().add("x-resumed-by", "tick " + ticks);
            stream.resumeRequest();
        }
    }

    @OnQueueReady
    void queueReady(SharedQueue ready) {
        byte[] item;
        while ((item = ready.dequeue()) != null) {
            Log.info("dequeued " + text(item));
        }
    }

    @OnForeignFunction
    void foreignFunction(ForeignFunction.Id function, byte[] arguments) {
        Log.info(function + ": " + text(arguments));
    }

    @OnPluginShutdown
    boolean shutdown() {
        Log.info("plugin done; finishing " + (finishLater ? "later" : "now"));
        return !finishLater;
    }

    /** The cluster named by the request header {@code x-cluster}, else {@code fallback}. */
    static String cluster(Headers headers, String fallback) {
        String cluster = headers.get("x-cluster");
        return cluster == null ? fallback : cluster;
    }

    /**
     * What the raw host calls give for the callout response being delivered: a header value, the
     * pairs, the body, a trailer value and {@code proxy_get_status}; a refused call as its result.
     */
    static String rawCalloutReads() {
        StringBuilder out = new StringBuilder();
        out.append("value=");
        try {
            out.append(text(host().getHeaderMapValue(MapType.HTTP_CALL_RESPONSE_HEADERS.code(), utf8(":status"))));
        } catch (HostCallException e) {
            out.append(e.result());
        }
        out.append(";pairs=");
        try {
            out.append(HeaderPairs.decode(host().getHeaderMapPairs(MapType.HTTP_CALL_RESPONSE_HEADERS.code())).size());
        } catch (HostCallException e) {
            out.append(e.result());
        }
        out.append(";body=");
        try {
            out.append(text(host().getBufferBytes(BufferType.HTTP_CALL_RESPONSE_BODY.code(), 0, 100)));
        } catch (HostCallException e) {
            out.append(e.result());
        }
        out.append(";trailer=");
        try {
            out.append(text(host().getHeaderMapValue(MapType.HTTP_CALL_RESPONSE_TRAILERS.code(), utf8("x"))));
        } catch (HostCallException e) {
            out.append(e.result());
        }
        Host.Status status = host().getStatus();
        out.append(";status=").append(status.code()).append(' ').append(text(status.message()));
        return out.toString();
    }

    /** The bytes as lower-case hex, or {@code null}. */
    static String hex(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(out);
    }

    /** {@code text} cut at {@code separator}, without regular expressions. */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, start)) {
            parts.add(text.substring(start, at));
            start = at + 1;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Adds {@code x-attr-<name>} for each attribute in {@code names}. */
    static void copyAttributes(String names, Headers into) {
        for (String name : split(names, ',')) {
            into.add("x-attr-" + name, hex(Properties.bytes(split(name, '.').toArray(new String[0]))));
        }
    }

    /** What the typed getters of {@code Properties} return, as {@code name=value;...}. */
    static String typedRequestAttributes() {
        return "path=" + Properties.requestPath() + ";url_path=" + Properties.requestUrlPath()
                + ";query=" + Properties.requestQuery() + ";method=" + Properties.requestMethod()
                + ";host=" + Properties.requestHost() + ";scheme=" + Properties.requestScheme()
                + ";protocol=" + Properties.requestProtocol() + ";id=" + Properties.requestId()
                + ";time=" + Properties.requestTimeNanos() + ";user-agent=" + Properties.requestHeader("user-agent")
                + ";first-header=" + Properties.pairs("request", "headers").get(0)
                + ";source=" + Properties.sourceAddress() + "/" + Properties.sourcePort()
                + ";destination=" + Properties.destinationAddress() + "/" + Properties.destinationPort()
                + ";connection=" + Properties.connectionId() + "/" + Properties.connectionMtls()
                + ";plugin=" + Properties.pluginName() + "/" + Properties.pluginRootId() + "/" + Properties.pluginVmId()
                + ";code=" + Properties.responseCode();
    }

    final class Exchange {
        private String op = "";
        private String attributes = "";

        @OnRequestHeaders
        Action requestHeaders(Headers headers, HttpStream stream, boolean endOfStream) {
            op = String.valueOf(headers.get("x-op"));
            requests.add(1);
            switch (op) {
                case "log" -> {
                    Log.trace("trace line");
                    Log.debug("debug line");
                    Log.info("info line");
                    Log.warn("warn line");
                    Log.error("error line");
                    Log.critical("critical line");
                }
                case "log-level" -> headers.add("x-log-level", Integer.toString(host().getLogLevel())
                        + (Log.isEnabled(LogLevel.INFO) ? "" : " info off"));
                case "time" -> headers.add("x-time", Long.toString(Plugin.currentTimeNanos()));
                case "property" -> {
                    headers.add("x-property", String.valueOf(Properties.requestPath()));
                    headers.add("x-missing-property", String.valueOf(Properties.get("no", "such")));
                    Properties.set("yes", "plugin", "seen");
                }
                case "shared" -> {
                    SharedData.Value current = SharedData.get("visits");
                    int visits = current == null ? 0 : Integer.parseInt(current.text());
                    int cas = current == null ? 0 : current.cas();
                    SharedData.set("visits", Integer.toString(visits + 1), cas);
                    boolean staleWrite = SharedData.set("visits", "stale", cas + 100);
                    headers.add("x-visits", Integer.toString(visits + 1));
                    headers.add("x-stale-write", Boolean.toString(staleWrite));
                }
                case "queue" -> {
                    SharedQueue resolved = SharedQueue.resolve("", "exerciser");
                    resolved.enqueue(headers.get("x-message"));
                    headers.add("x-same-queue", Boolean.toString(resolved.equals(queue)));
                    headers.add("x-unknown-queue", String.valueOf(SharedQueue.resolve("", "nope")));
                }
                case "metrics" -> {
                    inFlight.set(42);
                    bodyBytes.record(7);
                    headers.add("x-requests", Long.toString(requests.value()));
                }
                case "callout" -> {
                    try {
                        HttpCall.dispatch(cluster(headers, "auth_cluster"), List.of(new Header(":method", "GET"),
                                new Header(":path", "/check"), new Header(":authority", "auth.local"),
                                new Header("x-user", String.valueOf(headers.get("x-user")))), utf8("ping"),
                                headers.get("x-timeout") == null ? 5000 : Integer.parseInt(headers.get("x-timeout")),
                                response -> {
                                    Log.info("callout " + response.token() + ": " + response.headers().all().size()
                                            + " headers, " + response.bytes().length + " bytes, "
                                            + response.trailerCount() + " trailers");
                                    HttpStream.current().requestHeaders().add("x-callout",
                                            response.headers().get("x-verdict") + "/" + response.text());
                                    HttpStream.current().requestHeaders().add("x-callout-status",
                                            response.status() + " failed=" + response.failed() + " trailers="
                                                    + response.trailers().all());
                                    HttpStream.current().resumeRequest();
                                });
                    } catch (CalloutRefusedException refused) {
                        headers.add("x-refused", refused.function() + " " + refused.cluster() + " " + refused.reason());
                        return Action.CONTINUE;
                    }
                    return Action.PAUSE;
                }
                case "callout-raw" -> {
                    HttpCall.dispatch("auth_cluster", List.of(new Header(":method", "GET"),
                            new Header(":path", "/check"), new Header(":authority", "auth.local")), null, 5000,
                            response -> {
                                HttpStream.current().requestHeaders().add("x-raw", rawCalloutReads());
                                HttpStream.current().resumeRequest();
                            });
                    return Action.PAUSE;
                }
                case "callout-throw" -> {
                    HttpCall.dispatch("auth_cluster", List.of(new Header(":method", "GET"),
                            new Header(":path", "/check"), new Header(":authority", "auth.local")), utf8("ping"), 5000,
                            response -> {
                                throw new IllegalArgumentException("bad verdict " + response.headers().get("x-verdict"));
                            });
                    return Action.PAUSE;
                }
                case "grpc" -> {
                    try {
                        GrpcCall.unary(cluster(headers, "grpc_cluster"), "auth.v1.Auth", "Check",
                                List.of(new Header("x-trace", "t1")), utf8("request"), 1000, new GrpcLogger());
                    } catch (CalloutRefusedException refused) {
                        headers.add("x-refused", refused.function() + " " + refused.cluster() + " " + refused.reason());
                    }
                }
                case "grpc-stream-refused" -> {
                    try {
                        GrpcCall.stream(cluster(headers, "grpc_cluster"), "chat.v1.Chat", "Talk", List.of(),
                                new GrpcLogger());
                    } catch (CalloutRefusedException refused) {
                        headers.add("x-refused", refused.function() + " " + refused.cluster() + " " + refused.reason());
                    }
                }
                case "grpc-stream" -> {
                    GrpcCall talk = GrpcCall.stream("grpc_cluster", "chat.v1.Chat", "Talk", List.of(), new GrpcLogger());
                    talk.send(utf8("one"), false);
                    talk.send(utf8("two"), true);
                    talk.close();
                    GrpcCall.stream("grpc_cluster", "chat.v1.Chat", "Talk", List.of(), new GrpcLogger()).cancel();
                }
                case "foreign" -> headers.add("x-foreign",
                        text(ForeignFunction.call("reverse", utf8(headers.get("x-arg")))));
                case "local-reply" -> {
                    stream.sendLocalResponse(LocalResponse.status(403).addHeader("x-reason", "denied")
                            .setBody("forbidden").setDetails("exerciser_denied"));
                    return Action.PAUSE;
                }
                case "grpc-reply" -> {
                    stream.sendLocalResponse(LocalResponse.status(200).setGrpcStatus(GrpcStatus.UNAVAILABLE)
                            .setBody("try later"));
                    return Action.PAUSE;
                }
                case "keep" -> {
                    kept = stream;
                    Plugin.setTickPeriod(1000);
                    return Action.PAUSE;
                }
                case "use-kept" -> {
                    kept.requestHeaders().add("x-touched-by", "stream " + stream.id());
                    headers.add("x-own", "after the kept stream's");
                    headers.add("x-same-handle", Boolean.toString(stream == HttpStream.current()));
                }
                case "use-kept-then-throw" -> {
                    kept.requestHeaders().add("x-touched-by", "stream " + stream.id());
                    throw new IllegalStateException("after touching the kept stream");
                }
                case "tick" -> Plugin.setTickPeriod(1000);
                case "tick-stop" -> Plugin.setTickPeriod(0);
                case "filter-state" -> {
                    Properties.set(utf8("v1"), "my_key");
                    Properties.set("v2", "a", "b");
                    Properties.set("shadow", "plugin_name");
                    headers.add("x-read", Properties.get("my_key") + "," + Properties.get("filter_state",
                            "wasm.my_key") + "," + Properties.get("a", "b") + "," + Properties.get("a")
                            + "," + Properties.get("my_key", "field") + "," + Properties.get("plugin_name")
                            + "," + Properties.get("filter_state", "wasm.plugin_name"));
                }
                case "filter-read" -> headers.add("x-read", String.valueOf(Properties.get("my_key")));
                case "pairs" -> headers.setAll(List.of(new Header("x-only", "one")));
                case "strings" -> headers.add("x-strings", StringEdits.run(String.valueOf(headers.get("x-text"))));
                case "text" -> HostText.exercise(headers);
                case "remove" -> headers.remove("x-remove-me");
                case "replace" -> headers.set("x-dup", "replaced");
                case "size" -> headers.add("x-map-size", Integer.toString(host().getHeaderMapSize(
                        MapType.HTTP_REQUEST_HEADERS.code())));
                case "close" -> stream.closeResponse();
                case "pause" -> {
                    return Action.PAUSE;
                }
                case "attributes" -> {
                    attributes = String.valueOf(headers.get("x-attributes"));
                    copyAttributes(attributes, headers);
                    headers.add("x-typed", typedRequestAttributes());
                    String reply = headers.get("x-reply");
                    if (reply != null) {
                        stream.sendLocalResponse(LocalResponse.status(Integer.parseInt(reply)).setBody("local")
                                .setDetails("exerciser_reply"));
                        return Action.PAUSE;
                    }
                }
                case "throw", "throw-everywhere" -> throw new IllegalStateException("op throw");
                case "trap" -> headers.add("x-never", Integer.toString(depth(0)));
                default -> {
                }
            }
            return Action.CONTINUE;
        }

        @OnRequestBody
        Action requestBody(Body body, int size, boolean endOfStream) {
            Log.info("request body " + size + " bytes, end " + endOfStream);
            if (!op.equals("body")) {
                return Action.CONTINUE;
            }
            if (!endOfStream) {
                return Action.PAUSE;
            }
            body.prepend("<");
            body.append(">");
            bodyBytes.record(size);
            return Action.CONTINUE;
        }

        @OnRequestTrailers
        void requestTrailers(Headers trailers, int count, HttpStream stream) {
            trailers.add("x-trailers-seen", Integer.toString(count));
            if (op.equals("body")) {
                trailers.add("x-body-at-trailers", stream.requestBody().text());
            }
        }

        @OnResponseHeaders
        Action responseHeaders(Headers headers, HttpStream stream, boolean endOfStream) {
            headers.add("x-op-seen", op);
            if (op.equals("throw-response-headers") || op.equals("throw-everywhere")) {
                throw new IllegalStateException("response headers");
            }
            if (op.equals("filter-state")) {
                headers.add("x-read-later", String.valueOf(Properties.get("my_key")));
            }
            if (op.equals("attributes")) {
                copyAttributes(attributes, headers);
                headers.add("x-typed", "code=" + Properties.responseCode() + ";details="
                        + Properties.responseCodeDetails() + ";path=" + Properties.requestPath());
            }
            if (op.equals("response-reply")) {
                stream.sendLocalResponse(LocalResponse.status(502).setBody("replaced upstream"));
                return Action.PAUSE;
            }
            return Action.CONTINUE;
        }

        @OnResponseBody
        Action responseBody(Body body, boolean endOfStream) {
            if (op.equals("throw-response-body")) {
                throw new IllegalStateException("response body");
            }
            if (!endOfStream) {
                return Action.PAUSE;
            }
            if (op.equals("replace-body")) {
                body.set("replaced:" + body.text());
            }
            if (op.equals("attributes")) {
                for (String name : split(attributes, ',')) {
                    Log.info("attr " + name + " = " + hex(Properties.bytes(split(name, '.').toArray(new String[0]))));
                }
            }
            return Action.CONTINUE;
        }

        @OnResponseTrailers
        void responseTrailers(Headers trailers) {
            trailers.set("x-response-trailer", "seen");
        }

        @OnStreamDone
        void streamDone(HttpStream stream) {
            Log.debug("stream " + stream.id() + " done (" + op + ")");
        }
    }

    /** Logs every event of a gRPC call. */
    static final class GrpcLogger implements GrpcCall.Handler {
        @Override
        public void onInitialMetadata(GrpcCall call, Headers metadata) {
            Log.info("grpc " + call.token() + " initial metadata x-server=" + metadata.get("x-server"));
        }

        @Override
        public void onMessage(GrpcCall call, byte[] message) {
            Log.info("grpc " + call.token() + " message: " + text(message));
        }

        @Override
        public void onTrailingMetadata(GrpcCall call, Headers metadata) {
            Log.info("grpc " + call.token() + " trailing metadata " + metadata.all());
        }

        @Override
        public void onClose(GrpcCall call, GrpcStatus status, String message) {
            Log.info("grpc " + call.token() + " closed: " + status + " " + message);
        }
    }

    /** Unbounded recursion: a stack overflow, which TeaVM's WebAssembly cannot turn into an exception. */
    private static int depth(int n) {
        return depth(n + 1) + 1;
    }
}
