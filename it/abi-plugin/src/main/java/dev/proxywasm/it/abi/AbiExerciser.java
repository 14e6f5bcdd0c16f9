package dev.proxywasm.it.abi;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginDone;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnRequestTrailers;
import dev.proxywasm.api.OnResponseBody;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnResponseTrailers;
import dev.proxywasm.api.OnStreamDone;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.abi.BufferType;
import dev.proxywasm.api.abi.MapType;
import dev.proxywasm.api.abi.MetricType;
import dev.proxywasm.api.abi.StreamType;
import dev.proxywasm.spi.HeaderPairs;
import dev.proxywasm.spi.Host;
import dev.proxywasm.spi.HostBinding;
import dev.proxywasm.teavm.glue.Contexts;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.interop.Export;

/**
 * Exercises every host function, so the emulator's tests can check each ABI area through the
 * compiled module. The request header {@code x-op} picks what a request does. Callbacks the SDK
 * has no annotation for yet are raw {@code @Export} methods at the bottom.
 */
@ProxyWasmPlugin(stream = AbiExerciser.Exchange.class)
public final class AbiExerciser {
    private final Map<Integer, Integer> calloutStreams = new HashMap<>();
    private int queueId;
    private int counter;
    private int gauge;
    private int histogram;
    private int ticks;
    private boolean finishLater;

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
        queueId = host().registerSharedQueue(utf8("exerciser"));
        counter = host().defineMetric(MetricType.COUNTER.code(), utf8("exerciser_requests_total"));
        gauge = host().defineMetric(MetricType.GAUGE.code(), utf8("exerciser_in_flight"));
        histogram = host().defineMetric(MetricType.HISTOGRAM.code(), utf8("exerciser_body_bytes"));
        return true;
    }

    @OnPluginDone
    boolean done() {
        Log.info("plugin done; finishing " + (finishLater ? "later" : "now"));
        return !finishLater;
    }

    final class Exchange {
        private String op = "";

        @OnRequestHeaders
        Action requestHeaders(Headers headers, HttpStream stream, boolean endOfStream) {
            op = String.valueOf(headers.get("x-op"));
            host().incrementMetric(counter, 1);
            switch (op) {
                case "log" -> {
                    Log.trace("trace line");
                    Log.debug("debug line");
                    Log.info("info line");
                    Log.warn("warn line");
                    Log.error("error line");
                    Log.critical("critical line");
                }
                case "log-level" -> headers.add("x-log-level", Integer.toString(host().getLogLevel()));
                case "time" -> headers.add("x-time", Long.toString(host().getCurrentTimeNanoseconds()));
                case "property" -> {
                    headers.add("x-property", text(host().getProperty(utf8("request\0path"))));
                    headers.add("x-missing-property", text(host().getProperty(utf8("no\0such"))));
                    host().setProperty(utf8("plugin\0seen"), utf8("yes"));
                }
                case "shared" -> {
                    Host.SharedValue current = host().getSharedData(utf8("visits"));
                    int visits = current == null ? 0 : Integer.parseInt(text(current.value()));
                    int cas = current == null ? 0 : current.cas();
                    host().setSharedData(utf8("visits"), utf8(Integer.toString(visits + 1)), cas);
                    boolean staleWrite = host().setSharedData(utf8("visits"), utf8("stale"), cas + 100);
                    headers.add("x-visits", Integer.toString(visits + 1));
                    headers.add("x-stale-write", Boolean.toString(staleWrite));
                }
                case "queue" -> {
                    int resolved = host().resolveSharedQueue(utf8(""), utf8("exerciser"));
                    host().enqueueSharedQueue(resolved, utf8(headers.get("x-message")));
                    headers.add("x-same-queue", Boolean.toString(resolved == queueId));
                    headers.add("x-unknown-queue", Integer.toString(host().resolveSharedQueue(utf8(""), utf8("nope"))));
                }
                case "metrics" -> {
                    host().recordMetric(gauge, 42);
                    host().recordMetric(histogram, 7);
                    headers.add("x-requests", Long.toString(host().getMetric(counter)));
                }
                case "callout" -> {
                    byte[] pairs = HeaderPairs.encode(List.of(new Header(":method", "GET"),
                            new Header(":path", "/check"), new Header(":authority", "auth.local"),
                            new Header("x-user", String.valueOf(headers.get("x-user")))));
                    int token = host().httpCall(utf8("auth_cluster"), pairs, utf8("ping"), HeaderPairs.encode(List.of()),
                            5000);
                    calloutStreams.put(token, stream.id());
                    return Action.PAUSE;
                }
                case "grpc" -> host().grpcCall(utf8("grpc_cluster"), utf8("auth.v1.Auth"), utf8("Check"),
                        HeaderPairs.encode(List.of(new Header("x-trace", "t1"))), utf8("request"), 1000);
                case "grpc-stream" -> {
                    int token = host().grpcStream(utf8("grpc_cluster"), utf8("chat.v1.Chat"), utf8("Talk"),
                            HeaderPairs.encode(List.of()));
                    host().grpcSend(token, utf8("one"), false);
                    host().grpcSend(token, utf8("two"), true);
                    host().grpcClose(token);
                    int cancelled = host().grpcStream(utf8("grpc_cluster"), utf8("chat.v1.Chat"), utf8("Talk"),
                            HeaderPairs.encode(List.of()));
                    host().grpcCancel(cancelled);
                }
                case "foreign" -> headers.add("x-foreign",
                        text(host().callForeignFunction(utf8("reverse"), utf8(headers.get("x-arg")))));
                case "local-reply" -> {
                    stream.sendLocalResponse(LocalResponse.status(403).header("x-reason", "denied")
                            .body("forbidden").details("exerciser_denied"));
                    return Action.PAUSE;
                }
                case "tick" -> host().setTickPeriodMilliseconds(1000);
                case "pairs" -> headers.setAll(List.of(new Header("x-only", "one")));
                case "remove" -> headers.remove("x-remove-me");
                case "replace" -> headers.replace("x-dup", "replaced");
                case "size" -> headers.add("x-map-size", Integer.toString(host().getHeaderMapSize(
                        MapType.HTTP_REQUEST_HEADERS.code())));
                case "close" -> stream.close(StreamType.RESPONSE);
                case "pause" -> {
                    return Action.PAUSE;
                }
                case "throw" -> throw new IllegalStateException("op throw");
                case "trap" -> {
                    int zero = headers.get("x-zero").length() - 1;
                    headers.add("x-never", Integer.toString(1 / zero));
                }
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
            host().recordMetric(histogram, size);
            return Action.CONTINUE;
        }

        @OnRequestTrailers
        void requestTrailers(Headers trailers, int count) {
            trailers.add("x-trailers-seen", Integer.toString(count));
        }

        @OnResponseHeaders
        Action responseHeaders(Headers headers, HttpStream stream, boolean endOfStream) {
            headers.add("x-op-seen", op);
            if (op.equals("response-reply")) {
                stream.sendLocalResponse(LocalResponse.status(502).body("replaced upstream"));
                return Action.PAUSE;
            }
            return Action.CONTINUE;
        }

        @OnResponseBody
        Action responseBody(Body body, boolean endOfStream) {
            if (!endOfStream) {
                return Action.PAUSE;
            }
            if (op.equals("replace-body")) {
                body.replace("replaced:" + body.text());
            }
            return Action.CONTINUE;
        }

        @OnResponseTrailers
        void responseTrailers(Headers trailers) {
            trailers.replace("x-response-trailer", "seen");
        }

        @OnStreamDone
        void streamDone(HttpStream stream) {
            Log.debug("stream " + stream.id() + " done (" + op + ")");
        }
    }

    // Raw callbacks: no annotation covers them yet.

    @Export(name = "proxy_on_tick")
    public static void onTick(int rootContextId) {
        try {
            AbiExerciser plugin = (AbiExerciser) Contexts.root(rootContextId);
            plugin.ticks++;
            Log.info("tick " + plugin.ticks);
            if (plugin.finishLater) {
                host().done();
            }
        } catch (Throwable e) {
            Log.error("tick failed: " + e);
        }
    }

    @Export(name = "proxy_on_http_call_response")
    public static void onHttpCallResponse(int rootContextId, int token, int headerCount, int bodySize,
            int trailerCount) {
        try {
            AbiExerciser plugin = (AbiExerciser) Contexts.root(rootContextId);
            Integer streamId = plugin.calloutStreams.remove(token);
            String verdict = Headers.of(MapType.HTTP_CALL_RESPONSE_HEADERS).get("x-verdict");
            String body = Body.of(BufferType.HTTP_CALL_RESPONSE_BODY).text();
            Log.info("callout " + token + ": " + headerCount + " headers, " + bodySize + " bytes, " + trailerCount
                    + " trailers");
            host().setEffectiveContext(streamId);
            Headers.of(MapType.HTTP_REQUEST_HEADERS).add("x-callout", verdict + "/" + body);
            host().continueStream(StreamType.REQUEST.code());
        } catch (Throwable e) {
            Log.error("callout response failed: " + e);
        }
    }

    @Export(name = "proxy_on_queue_ready")
    public static void onQueueReady(int rootContextId, int queueId) {
        try {
            byte[] item;
            while ((item = host().dequeueSharedQueue(queueId)) != null) {
                Log.info("dequeued " + text(item));
            }
        } catch (Throwable e) {
            Log.error("queue failed: " + e);
        }
    }

    @Export(name = "proxy_on_foreign_function")
    public static void onForeignFunction(int rootContextId, int functionId, int size) {
        try {
            Log.info("foreign function " + functionId + ": " + Body.of(BufferType.FOREIGN_FUNCTION_ARGUMENTS).text());
        } catch (Throwable e) {
            Log.error("foreign function failed: " + e);
        }
    }

    @Export(name = "proxy_on_grpc_receive_initial_metadata")
    public static void onGrpcInitialMetadata(int rootContextId, int token, int count) {
        try {
            Log.info("grpc " + token + " initial metadata x-server=" + Headers.of(MapType.GRPC_RECEIVE_INITIAL_METADATA)
                    .get("x-server"));
        } catch (Throwable e) {
            Log.error("grpc metadata failed: " + e);
        }
    }

    @Export(name = "proxy_on_grpc_receive")
    public static void onGrpcReceive(int rootContextId, int token, int size) {
        try {
            Log.info("grpc " + token + " message: " + Body.of(BufferType.GRPC_RECEIVE_BUFFER).text());
        } catch (Throwable e) {
            Log.error("grpc receive failed: " + e);
        }
    }

    @Export(name = "proxy_on_grpc_receive_trailing_metadata")
    public static void onGrpcTrailingMetadata(int rootContextId, int token, int count) {
        try {
            Log.info("grpc " + token + " trailing metadata " + Headers.of(MapType.GRPC_RECEIVE_TRAILING_METADATA).all());
        } catch (Throwable e) {
            Log.error("grpc trailers failed: " + e);
        }
    }

    @Export(name = "proxy_on_grpc_close")
    public static void onGrpcClose(int rootContextId, int token, int status) {
        try {
            Host.Status detail = host().getStatus();
            Log.info("grpc " + token + " closed: " + status + " " + detail.code() + " " + text(detail.message()));
        } catch (Throwable e) {
            Log.error("grpc close failed: " + e);
        }
    }
}
