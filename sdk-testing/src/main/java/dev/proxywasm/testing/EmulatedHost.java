package dev.proxywasm.testing;

import dev.proxywasm.api.Header;
import dev.proxywasm.abi.LogLevel;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostCallException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The state of the emulated proxy and the host functions over it, with Envoy's semantics. Both
 * modes call it: directly on the JVM, through {@link EnvFunctions} from the compiled module. Host
 * calls act on the active context, which the emulator sets around each callback.
 */
final class EmulatedHost implements Host {
    /** A log line. */
    record LogLine(LogLevel level, String message) {}

    /** The state of one HTTP stream. */
    static final class Stream {
        final int id;
        final StreamInfo info;
        final HeaderMap requestHeaders = new HeaderMap();
        final HeaderMap requestTrailers = new HeaderMap();
        final HeaderMap responseHeaders = new HeaderMap();
        final HeaderMap responseTrailers = new HeaderMap();
        final BodyBuffer requestBody = new BodyBuffer();
        final BodyBuffer responseBody = new BodyBuffer();
        final BodyBuffer forwardedRequestBody = new BodyBuffer();
        final BodyBuffer forwardedResponseBody = new BodyBuffer();
        final BodyBuffer downstreamData = new BodyBuffer();
        final BodyBuffer upstreamData = new BodyBuffer();
        boolean downstreamClosed;
        boolean upstreamClosed;
        boolean requestHeadersPaused;
        boolean responseHeadersPaused;
        boolean responseStarted;
        boolean requestClosed;
        boolean responseClosed;
        SentLocalResponse localResponse;
        SentLocalResponse pendingLocalResponse;

        Stream(int id, StreamInfo info) {
            this.id = id;
            this.info = info;
        }
    }

    final List<LogLine> logs = new ArrayList<>();
    boolean retainLogs = true;
    long logCount;
    final Map<Integer, Stream> streams = new HashMap<>();
    /** Properties the test supplied ({@code withProperty}); they shadow Envoy's attributes. */
    final Map<String, byte[]> properties = new HashMap<>();
    /** What the plugin stored with {@code proxy_set_property}, per stream, as Envoy's filter state. */
    final FilterState filterState = new FilterState();
    /** The clusters callouts and gRPC calls may go to. */
    final Clusters clusters = new Clusters();
    final Map<Integer, HttpCallout> httpCallouts = new LinkedHashMap<>();
    final Map<Integer, GrpcCall> grpcCalls = new LinkedHashMap<>();
    final Map<String, Host.SharedValue> sharedData = new HashMap<>();
    final Map<String, Integer> queueIds = new HashMap<>();
    final Map<Integer, ArrayDeque<byte[]>> queues = new HashMap<>();
    final Map<Integer, String> metricNames = new HashMap<>();
    final Map<String, Integer> metricIds = new HashMap<>();
    final Map<Integer, Long> metricValues = new HashMap<>();
    final Map<Integer, Integer> metricTypes = new HashMap<>();
    final Map<String, UnaryOperator<byte[]>> foreignFunctions = new HashMap<>();
    final List<Integer> queueReadyNotifications = new ArrayList<>();

    byte[] pluginConfiguration = new byte[0];
    byte[] vmConfiguration = new byte[0];
    String vmId = "";
    String pluginName = "";
    String rootId = "";
    /** The connection and protocol of streams created from now on. */
    Downstream downstream = Downstream.DEFAULT;
    String protocol = "HTTP/1.1";
    LogLevel logLevel = LogLevel.TRACE;
    Long currentTimeNanos;
    int tickPeriodMilliseconds;
    int activeContext;
    int rootContextId;
    int doneCalls;
    int nextToken = 1;
    /** Host calls of the plugin that fail on purpose; null for none. */
    HostCallFailures failures;

    /**
     * What the active callback may read besides stream state (callout response, gRPC message...).
     * A null map does not exist, as in Envoy outside the callback that delivers it, for a failed
     * callout or for an answer without trailers: reading a value from it is {@code BadArgument},
     * its pairs are empty.
     */
    HeaderMap calloutHeaders;
    HeaderMap calloutTrailers;
    byte[] calloutBody;
    byte[] grpcReceiveBuffer;
    HeaderMap grpcInitialMetadata;
    HeaderMap grpcTrailingMetadata;
    byte[] foreignFunctionArguments;
    int statusCode;
    byte[] statusMessage = new byte[0];

    /** Creates the state of stream (or TCP connection) {@code id}, started now on the current connection. */
    Stream openStream(int id) {
        Stream s = new Stream(id, new StreamInfo(getCurrentTimeNanoseconds(), downstream, protocol));
        streams.put(id, s);
        return s;
    }

    private Stream stream() {
        Stream s = streams.get(activeContext);
        if (s == null) {
            throw new HostCallException("(no HTTP stream is active)", WasmResult.BAD_ARGUMENT);
        }
        return s;
    }

    private HeaderMap map(int mapType) {
        if (isAsyncMap(mapType)) {
            HeaderMap map = asyncMap(mapType);
            if (map == null) {
                throw new HostCallException("header map " + mapType, WasmResult.BAD_ARGUMENT);
            }
            return map;
        }
        Stream s = streams.get(activeContext);
        if (s == null || mapType < 0 || mapType > 3) {
            throw new HostCallException("header map " + mapType, mapType < 0 || mapType > 7
                    ? WasmResult.BAD_ARGUMENT : WasmResult.NOT_FOUND);
        }
        return switch (mapType) {
            case 0 -> s.requestHeaders;
            case 1 -> s.requestTrailers;
            case 2 -> s.responseHeaders;
            default -> s.responseTrailers;
        };
    }

    /** Whether {@code mapType} is a gRPC call's or a callout's map (4 to 7), which the root context holds. */
    private static boolean isAsyncMap(int mapType) {
        return mapType >= MapType.GRPC_RECEIVE_INITIAL_METADATA.code()
                && mapType <= MapType.HTTP_CALL_RESPONSE_TRAILERS.code();
    }

    /** A callout's or gRPC call's map (types 4 to 7), or null while it does not exist. */
    private HeaderMap asyncMap(int mapType) {
        return switch (mapType) {
            case 4 -> grpcInitialMetadata;
            case 5 -> grpcTrailingMetadata;
            case 6 -> calloutHeaders;
            default -> calloutTrailers;
        };
    }

    /** The buffer, or null when this context has none of that type. */
    private byte[] buffer(int bufferType) {
        Stream s = streams.get(activeContext);
        return switch (bufferType) {
            case 0 -> s == null ? null : s.requestBody.bytes();
            case 1 -> s == null ? null : s.responseBody.bytes();
            case 2 -> s == null ? null : s.downstreamData.bytes();
            case 3 -> s == null ? null : s.upstreamData.bytes();
            case 4 -> calloutBody;
            case 5 -> grpcReceiveBuffer;
            case 6 -> vmConfiguration;
            case 7 -> pluginConfiguration;
            case 8 -> foreignFunctionArguments;
            default -> null;
        };
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void log(int level, byte[] message) {
        if (level < 0 || level > 5) {
            throw new HostCallException("proxy_log", WasmResult.BAD_ARGUMENT);
        }
        logCount++;
        if (retainLogs) {
            logs.add(new LogLine(LogLevel.of(level), text(message)));
        }
    }

    @Override
    public int getLogLevel() {
        return logLevel.code();
    }

    @Override
    public long getCurrentTimeNanoseconds() {
        return currentTimeNanos != null ? currentTimeNanos : System.currentTimeMillis() * 1_000_000L;
    }

    @Override
    public void setTickPeriodMilliseconds(int milliseconds) {
        tickPeriodMilliseconds = milliseconds;
    }

    @Override
    public void setEffectiveContext(int contextId) {
        if (contextId != rootContextId && !streams.containsKey(contextId)) {
            throw new HostCallException("proxy_set_effective_context", WasmResult.BAD_ARGUMENT);
        }
        activeContext = contextId;
    }

    @Override
    public void done() {
        doneCalls++;
    }

    @Override
    public byte[] callForeignFunction(byte[] name, byte[] arguments) {
        UnaryOperator<byte[]> function = foreignFunctions.get(text(name));
        return function == null ? null : function.apply(arguments.clone());
    }

    /**
     * A property the test supplied, else what Envoy finds for the active stream: its attributes,
     * or what the plugin stored in the stream's filter state ({@link EnvoyAttributes}).
     */
    @Override
    public byte[] getProperty(byte[] path) {
        byte[] value = properties.get(propertyKey(path));
        return value != null ? value.clone() : EnvoyAttributes.get(this, streams.get(activeContext), path);
    }

    /** {@code proxy_set_property}; outside a stream Envoy answers NotFound, which the SDK ignores. */
    @Override
    public void setProperty(byte[] path, byte[] value) {
        storeProperty(path, value);
    }

    /**
     * Stores a property in the active stream's filter state, as Envoy does; false (NotFound) when no
     * stream is active.
     */
    boolean storeProperty(byte[] path, byte[] value) {
        Stream s = streams.get(activeContext);
        if (s == null) {
            return false;
        }
        filterState.set(s.id, path, value);
        return true;
    }

    /** SDKs differ on a trailing NUL after the last segment; both name the same property. */
    private static String propertyKey(byte[] path) {
        String key = text(path);
        return key.endsWith("\0") ? key.substring(0, key.length() - 1) : key;
    }

    @Override
    public byte[] getBufferBytes(int bufferType, int start, int maxSize) {
        if (bufferType < 0 || bufferType > 8 || start < 0 || maxSize < 0) {
            throw new HostCallException("proxy_get_buffer_bytes", WasmResult.BAD_ARGUMENT);
        }
        byte[] data = buffer(bufferType);
        if (data == null) {
            return null;
        }
        if (start >= data.length) {
            return new byte[0];
        }
        int end = (int) Math.min((long) start + maxSize, data.length);
        return java.util.Arrays.copyOfRange(data, start, end);
    }

    @Override
    public int getBufferSize(int bufferType) {
        if (bufferType < 0 || bufferType > 8) {
            throw new HostCallException("proxy_get_buffer_status", WasmResult.BAD_ARGUMENT);
        }
        byte[] data = buffer(bufferType);
        return data == null ? -1 : data.length;
    }

    @Override
    public void setBufferBytes(int bufferType, int start, int size, byte[] data) {
        BodyBuffer target = switch (bufferType) {
            case 0 -> stream().requestBody;
            case 1 -> stream().responseBody;
            case 2 -> stream().downstreamData;
            case 3 -> stream().upstreamData;
            default -> null;
        };
        if (target == null) {
            throw new HostCallException("proxy_set_buffer_bytes", bufferType >= 0 && bufferType <= 8
                    ? WasmResult.NOT_FOUND : WasmResult.BAD_ARGUMENT);
        }
        if (!target.write(start, size, data)) {
            throw new HostCallException("proxy_set_buffer_bytes", WasmResult.BAD_ARGUMENT);
        }
    }

    @Override
    public byte[] getHeaderMapPairs(int mapType) {
        if (isAsyncMap(mapType) && asyncMap(mapType) == null) {
            return new byte[0];
        }
        return map(mapType).serialize();
    }

    @Override
    public void setHeaderMapPairs(int mapType, byte[] pairs) {
        map(mapType).setSerialized(pairs);
    }

    @Override
    public byte[] getHeaderMapValue(int mapType, byte[] key) {
        return map(mapType).getBytes(key);
    }

    @Override
    public void addHeaderMapValue(int mapType, byte[] key, byte[] value) {
        map(mapType).addBytes(key, value);
    }

    @Override
    public void replaceHeaderMapValue(int mapType, byte[] key, byte[] value) {
        map(mapType).replaceBytes(key, value);
    }

    @Override
    public void removeHeaderMapValue(int mapType, byte[] key) {
        map(mapType).removeBytes(key);
    }

    @Override
    public int getHeaderMapSize(int mapType) {
        return map(mapType).serialize().length;
    }

    @Override
    public void continueStream(int streamType) {
        Stream s = stream();
        switch (streamType) {
            case 0 -> s.requestHeadersPaused = false;
            case 1 -> s.responseHeadersPaused = false;
            case 2, 3 -> { }
            default -> throw new HostCallException("proxy_continue_stream", WasmResult.BAD_ARGUMENT);
        }
    }

    @Override
    public void closeStream(int streamType) {
        Stream s = stream();
        switch (streamType) {
            case 0 -> s.requestClosed = true;
            case 1 -> s.responseClosed = true;
            case 2 -> s.downstreamClosed = true;
            case 3 -> s.upstreamClosed = true;
            default -> throw new HostCallException("proxy_close_stream", WasmResult.BAD_ARGUMENT);
        }
    }

    @Override
    public void sendLocalResponse(int statusCode, byte[] details, byte[] body, byte[] headerPairs, int grpcStatus) {
        Stream s = stream();
        SentLocalResponse reply = new SentLocalResponse(statusCode, HeaderPairs.decode(headerPairs), body.clone(),
                text(details), grpcStatus);
        s.localResponse = reply;
        s.pendingLocalResponse = reply;
        s.info.localReply(statusCode, reply.details());
    }

    @Override
    public Status getStatus() {
        return new Status(statusCode, statusMessage.clone());
    }

    @Override
    public int httpCall(byte[] upstream, byte[] headerPairs, byte[] body, byte[] trailerPairs, int timeoutMilliseconds) {
        if (timeoutMilliseconds < 0) {
            throw new HostCallException("proxy_http_call", WasmResult.BAD_ARGUMENT);
        }
        clusters.checkHttp(text(upstream));
        List<Header> headers = HeaderPairs.decode(headerPairs);
        HeaderMap map = HeaderMap.of(headers);
        if (map.get(":method") == null || map.get(":path") == null || map.get(":authority") == null) {
            throw new HostCallException("proxy_http_call", WasmResult.BAD_ARGUMENT);
        }
        int token = nextToken++;
        httpCallouts.put(token, new HttpCallout(token, text(upstream), headers, body.clone(),
                HeaderPairs.decode(trailerPairs), timeoutMilliseconds));
        return token;
    }

    @Override
    public int grpcCall(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs,
            byte[] message, int timeoutMilliseconds) {
        clusters.checkGrpc("proxy_grpc_call", text(service));
        int token = nextToken++;
        grpcCalls.put(token, new GrpcCall(token, text(service), text(serviceName), text(method),
                HeaderPairs.decode(initialMetadataPairs), message.clone(), false));
        return token;
    }

    @Override
    public int grpcStream(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs) {
        clusters.checkGrpc("proxy_grpc_stream", text(service));
        int token = nextToken++;
        grpcCalls.put(token, new GrpcCall(token, text(service), text(serviceName), text(method),
                HeaderPairs.decode(initialMetadataPairs), null, true));
        return token;
    }

    private GrpcCall grpc(int token, String function) {
        GrpcCall call = grpcCalls.get(token);
        if (call == null) {
            throw new HostCallException(function, WasmResult.NOT_FOUND);
        }
        return call;
    }

    @Override
    public void grpcSend(int token, byte[] message, boolean endOfStream) {
        GrpcCall call = grpc(token, "proxy_grpc_send");
        if (!call.isStream()) {
            throw new HostCallException("proxy_grpc_send", WasmResult.BAD_ARGUMENT);
        }
        call.send(message.clone(), endOfStream);
    }

    @Override
    public void grpcCancel(int token) {
        grpc(token, "proxy_grpc_cancel").cancel();
    }

    @Override
    public void grpcClose(int token) {
        grpc(token, "proxy_grpc_close").close();
    }

    @Override
    public SharedValue getSharedData(byte[] key) {
        SharedValue value = sharedData.get(text(key));
        return value == null ? null : new SharedValue(value.value().clone(), value.cas());
    }

    @Override
    public boolean setSharedData(byte[] key, byte[] value, int cas) {
        String k = text(key);
        SharedValue current = sharedData.get(k);
        if (cas != 0 && current != null && current.cas() != cas) {
            return false;
        }
        int nextCas = current == null ? 1 : current.cas() + 1;
        sharedData.put(k, new SharedValue(value.clone(), nextCas));
        return true;
    }

    @Override
    public int registerSharedQueue(byte[] name) {
        String key = vmId + "\0" + text(name);
        return queueIds.computeIfAbsent(key, k -> {
            int id = nextToken++;
            queues.put(id, new ArrayDeque<>());
            return id;
        });
    }

    @Override
    public int resolveSharedQueue(byte[] vmId, byte[] name) {
        Integer id = queueIds.get(text(vmId) + "\0" + text(name));
        return id == null ? -1 : id;
    }

    @Override
    public void enqueueSharedQueue(int queueId, byte[] data) {
        ArrayDeque<byte[]> queue = queues.get(queueId);
        if (queue == null) {
            throw new HostCallException("proxy_enqueue_shared_queue", WasmResult.NOT_FOUND);
        }
        queue.add(data.clone());
        queueReadyNotifications.add(queueId);
    }

    @Override
    public byte[] dequeueSharedQueue(int queueId) {
        ArrayDeque<byte[]> queue = queues.get(queueId);
        if (queue == null) {
            throw new HostCallException("proxy_dequeue_shared_queue", WasmResult.NOT_FOUND);
        }
        return queue.poll();
    }

    @Override
    public int defineMetric(int metricType, byte[] name) {
        if (metricType < 0 || metricType > 2) {
            throw new HostCallException("proxy_define_metric", WasmResult.BAD_ARGUMENT);
        }
        String n = text(name);
        Integer existing = metricIds.get(n);
        if (existing != null) {
            return existing;
        }
        int id = nextToken++;
        metricIds.put(n, id);
        metricNames.put(id, n);
        metricTypes.put(id, metricType);
        metricValues.put(id, 0L);
        return id;
    }

    private void requireMetric(int id, String function) {
        if (!metricValues.containsKey(id)) {
            throw new HostCallException(function, WasmResult.NOT_FOUND);
        }
    }

    @Override
    public void incrementMetric(int metricId, long offset) {
        requireMetric(metricId, "proxy_increment_metric");
        if (metricTypes.get(metricId) == 2) {
            throw new HostCallException("proxy_increment_metric", WasmResult.BAD_ARGUMENT);
        }
        metricValues.merge(metricId, offset, Long::sum);
    }

    @Override
    public void recordMetric(int metricId, long value) {
        requireMetric(metricId, "proxy_record_metric");
        metricValues.put(metricId, value);
    }

    @Override
    public long getMetric(int metricId) {
        requireMetric(metricId, "proxy_get_metric");
        return metricValues.get(metricId);
    }
}
