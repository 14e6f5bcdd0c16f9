package dev.proxywasm.emulator;

import static dev.proxywasm.emulator.HostCalls.fail;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.LogLevel;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.Host;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The host functions of ABI 0.2.1 over the model's parts, with Envoy's semantics. Both modes call
 * it: directly on the JVM, through {@link EnvFunctions} from the compiled module. Host calls act on
 * the active context, which the {@link Vm} sets around each callback.
 */
final class EmulatedHost implements Host {
    /** The id of the first root context; a configuration update ({@link Vm#reconfigure()}) makes another. */
    static final int ROOT_CONTEXT_ID = 1;

    final PluginSettings settings = new PluginSettings();
    final Logs logs = new Logs();
    final Streams streams = new Streams();
    final Properties properties = new Properties(settings);
    final Clusters clusters = new Clusters();
    private final IdCounter ids = new IdCounter();
    final Callouts callouts = new Callouts(ids, clusters);
    final GrpcCalls grpcCalls = new GrpcCalls(ids, clusters);
    final SharedData sharedData = new SharedData();
    final SharedQueues queues = new SharedQueues(ids);
    final Metrics metrics = new Metrics(ids);
    final CallbackInputs inputs = new CallbackInputs();
    /** Host calls of the plugin that fail on purpose; null for none. */
    HostCallFailures failures;
    private int activeContext = ROOT_CONTEXT_ID;
    private int rootContextId = ROOT_CONTEXT_ID;
    private int tickPeriodMilliseconds;
    private int doneCalls;

    /** The context whose callback runs: host calls act on it. */
    int activeContext() {
        return activeContext;
    }

    void activate(int contextId) {
        activeContext = contextId;
    }

    /** The root context new streams, connections and the root's events go to. */
    int rootContextId() {
        return rootContextId;
    }

    void replaceRootContext(int contextId) {
        rootContextId = contextId;
    }

    /** Creates stream (or TCP connection) {@code id}, started now on the current connection. */
    Stream openStream(int id) {
        return streams.open(id, settings.currentTimeNanos(), settings.downstream(), settings.protocol());
    }

    int tickPeriodMilliseconds() {
        return tickPeriodMilliseconds;
    }

    int doneCalls() {
        return doneCalls;
    }

    private Stream activeStream(HostFunction function) {
        Stream s = streams.find(activeContext);
        if (s == null) {
            throw fail(function, WasmResult.BAD_ARGUMENT);
        }
        return s;
    }

    private HeaderMap map(int code, HostFunction function) {
        MapType type = WireCodes.mapType(code);
        if (type == null) {
            throw fail(function, WasmResult.BAD_ARGUMENT);
        }
        if (CallbackInputs.isAsync(type)) {
            HeaderMap map = inputs.map(type);
            if (map == null) {
                throw fail(function, WasmResult.BAD_ARGUMENT);
            }
            return map;
        }
        Stream s = streams.find(activeContext);
        if (s == null) {
            throw fail(function, WasmResult.NOT_FOUND);
        }
        return switch (type) {
            case HTTP_REQUEST_HEADERS -> s.requestHeaders;
            case HTTP_REQUEST_TRAILERS -> s.requestTrailers;
            case HTTP_RESPONSE_HEADERS -> s.responseHeaders;
            default -> s.responseTrailers;
        };
    }

    /** The buffer, or null when this context has none of that type. */
    private byte[] buffer(BufferType type) {
        Stream s = streams.find(activeContext);
        return switch (type) {
            case HTTP_REQUEST_BODY -> s == null ? null : s.requestBody.bytes();
            case HTTP_RESPONSE_BODY -> s == null ? null : s.responseBody.bytes();
            case DOWNSTREAM_DATA -> s == null ? null : s.downstreamData.bytes();
            case UPSTREAM_DATA -> s == null ? null : s.upstreamData.bytes();
            case VM_CONFIGURATION -> settings.vmConfiguration();
            case PLUGIN_CONFIGURATION -> settings.pluginConfiguration();
            default -> inputs.buffer(type);
        };
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void log(int level, byte[] message) {
        if (level < LogLevel.TRACE.code() || level > LogLevel.CRITICAL.code()) {
            throw fail(HostFunction.PROXY_LOG, WasmResult.BAD_ARGUMENT);
        }
        logs.log(LogLevel.of(level), text(message));
    }

    @Override
    public int getLogLevel() {
        return logs.level().code();
    }

    @Override
    public long getCurrentTimeNanoseconds() {
        return settings.currentTimeNanos();
    }

    @Override
    public void setTickPeriodMilliseconds(int milliseconds) {
        tickPeriodMilliseconds = milliseconds;
    }

    @Override
    public void setEffectiveContext(int contextId) {
        if (contextId != rootContextId && !streams.exists(contextId)) {
            throw fail(HostFunction.PROXY_SET_EFFECTIVE_CONTEXT, WasmResult.BAD_ARGUMENT);
        }
        activeContext = contextId;
    }

    @Override
    public void done() {
        doneCalls++;
    }

    @Override
    public byte[] callForeignFunction(byte[] name, byte[] arguments) {
        UnaryOperator<byte[]> function = settings.foreignFunction(text(name));
        return function == null ? null : function.apply(arguments.clone());
    }

    @Override
    public byte[] getProperty(byte[] path) {
        return properties.get(streams.find(activeContext), path);
    }

    /** {@code proxy_set_property}; outside a stream Envoy answers NotFound, which the SDK ignores. */
    @Override
    public void setProperty(byte[] path, byte[] value) {
        storeProperty(path, value);
    }

    /** Stores a property in the active stream's filter state; false (NotFound) when no stream is active. */
    boolean storeProperty(byte[] path, byte[] value) {
        return properties.set(streams.find(activeContext), path, value);
    }

    @Override
    public byte[] getBufferBytes(int bufferType, int start, int maxSize) {
        BufferType type = WireCodes.bufferType(bufferType);
        if (type == null || start < 0 || maxSize < 0) {
            throw fail(HostFunction.PROXY_GET_BUFFER_BYTES, WasmResult.BAD_ARGUMENT);
        }
        byte[] data = buffer(type);
        if (data == null) {
            return null;
        }
        if (start >= data.length) {
            return new byte[0];
        }
        int end = (int) Math.min((long) start + maxSize, data.length);
        return Arrays.copyOfRange(data, start, end);
    }

    @Override
    public int getBufferSize(int bufferType) {
        BufferType type = WireCodes.bufferType(bufferType);
        if (type == null) {
            throw fail(HostFunction.PROXY_GET_BUFFER_STATUS, WasmResult.BAD_ARGUMENT);
        }
        byte[] data = buffer(type);
        return data == null ? -1 : data.length;
    }

    @Override
    public void setBufferBytes(int bufferType, int start, int size, byte[] data) {
        BufferType type = WireCodes.bufferType(bufferType);
        if (type == null) {
            throw fail(HostFunction.PROXY_SET_BUFFER_BYTES, WasmResult.BAD_ARGUMENT);
        }
        BodyBuffer target = switch (type) {
            case HTTP_REQUEST_BODY -> activeStream(HostFunction.PROXY_SET_BUFFER_BYTES).requestBody;
            case HTTP_RESPONSE_BODY -> activeStream(HostFunction.PROXY_SET_BUFFER_BYTES).responseBody;
            case DOWNSTREAM_DATA -> activeStream(HostFunction.PROXY_SET_BUFFER_BYTES).downstreamData;
            case UPSTREAM_DATA -> activeStream(HostFunction.PROXY_SET_BUFFER_BYTES).upstreamData;
            default -> throw fail(HostFunction.PROXY_SET_BUFFER_BYTES, WasmResult.NOT_FOUND);
        };
        if (!target.write(start, size, data)) {
            throw fail(HostFunction.PROXY_SET_BUFFER_BYTES, WasmResult.BAD_ARGUMENT);
        }
    }

    @Override
    public byte[] getHeaderMapPairs(int mapType) {
        MapType type = WireCodes.mapType(mapType);
        if (type != null && CallbackInputs.isAsync(type) && inputs.map(type) == null) {
            return new byte[0];
        }
        return map(mapType, HostFunction.PROXY_GET_HEADER_MAP_PAIRS).serialize();
    }

    @Override
    public void setHeaderMapPairs(int mapType, byte[] pairs) {
        map(mapType, HostFunction.PROXY_SET_HEADER_MAP_PAIRS).setSerialized(pairs);
    }

    @Override
    public byte[] getHeaderMapValue(int mapType, byte[] key) {
        return map(mapType, HostFunction.PROXY_GET_HEADER_MAP_VALUE).getBytes(key);
    }

    @Override
    public void addHeaderMapValue(int mapType, byte[] key, byte[] value) {
        map(mapType, HostFunction.PROXY_ADD_HEADER_MAP_VALUE).addBytes(key, value);
    }

    @Override
    public void replaceHeaderMapValue(int mapType, byte[] key, byte[] value) {
        map(mapType, HostFunction.PROXY_REPLACE_HEADER_MAP_VALUE).replaceBytes(key, value);
    }

    @Override
    public void removeHeaderMapValue(int mapType, byte[] key) {
        map(mapType, HostFunction.PROXY_REMOVE_HEADER_MAP_VALUE).removeBytes(key);
    }

    @Override
    public int getHeaderMapSize(int mapType) {
        return map(mapType, HostFunction.PROXY_GET_HEADER_MAP_SIZE).serialize().length;
    }

    @Override
    public void continueStream(int streamType) {
        Stream s = activeStream(HostFunction.PROXY_CONTINUE_STREAM);
        StreamType type = WireCodes.streamType(streamType);
        if (type == null) {
            throw fail(HostFunction.PROXY_CONTINUE_STREAM, WasmResult.BAD_ARGUMENT);
        }
        switch (type) {
            case REQUEST -> s.requestHeadersPaused = false;
            case RESPONSE -> s.responseHeadersPaused = false;
            default -> { }
        }
    }

    @Override
    public void closeStream(int streamType) {
        Stream s = activeStream(HostFunction.PROXY_CLOSE_STREAM);
        StreamType type = WireCodes.streamType(streamType);
        if (type == null) {
            throw fail(HostFunction.PROXY_CLOSE_STREAM, WasmResult.BAD_ARGUMENT);
        }
        switch (type) {
            case REQUEST -> s.requestClosed = true;
            case RESPONSE -> s.responseClosed = true;
            case DOWNSTREAM -> s.downstreamClosed = true;
            case UPSTREAM -> s.upstreamClosed = true;
        }
    }

    @Override
    public void sendLocalResponse(int statusCode, byte[] details, byte[] body, byte[] headerPairs, int grpcStatus) {
        Stream s = activeStream(HostFunction.PROXY_SEND_LOCAL_RESPONSE);
        LocalReply reply = new LocalReply(statusCode, HeaderPairs.decode(headerPairs), body.clone(), text(details),
                grpcStatus);
        s.localReply = reply;
        s.pendingLocalReply = reply;
        s.info.localReply(statusCode, reply.details());
    }

    @Override
    public Status getStatus() {
        return inputs.status();
    }

    @Override
    public int httpCall(byte[] upstream, byte[] headerPairs, byte[] body, byte[] trailerPairs, int timeoutMilliseconds) {
        return callouts.dispatch(text(upstream), HeaderPairs.decode(headerPairs), body,
                HeaderPairs.decode(trailerPairs), timeoutMilliseconds);
    }

    @Override
    public int grpcCall(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs,
            byte[] message, int timeoutMilliseconds) {
        return grpcCalls.open(text(service), text(serviceName), text(method), HeaderPairs.decode(initialMetadataPairs),
                message);
    }

    @Override
    public int grpcStream(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs) {
        return grpcCalls.open(text(service), text(serviceName), text(method), HeaderPairs.decode(initialMetadataPairs),
                null);
    }

    @Override
    public void grpcSend(int token, byte[] message, boolean endOfStream) {
        grpcCalls.send(token, message, endOfStream);
    }

    @Override
    public void grpcCancel(int token) {
        grpcCalls.cancel(token);
    }

    @Override
    public void grpcClose(int token) {
        grpcCalls.close(token);
    }

    @Override
    public SharedValue getSharedData(byte[] key) {
        return sharedData.get(text(key));
    }

    @Override
    public boolean setSharedData(byte[] key, byte[] value, int cas) {
        return sharedData.set(text(key), value, cas);
    }

    @Override
    public int registerSharedQueue(byte[] name) {
        return queues.register(settings.vmId(), text(name));
    }

    @Override
    public int resolveSharedQueue(byte[] vmId, byte[] name) {
        return queues.id(text(vmId), text(name));
    }

    @Override
    public void enqueueSharedQueue(int queueId, byte[] data) {
        queues.enqueue(queueId, data);
    }

    @Override
    public byte[] dequeueSharedQueue(int queueId) {
        return queues.dequeue(queueId);
    }

    @Override
    public int defineMetric(int metricType, byte[] name) {
        return metrics.define(metricType, text(name));
    }

    @Override
    public void incrementMetric(int metricId, long offset) {
        metrics.increment(metricId, offset);
    }

    @Override
    public void recordMetric(int metricId, long value) {
        metrics.record(metricId, value);
    }

    @Override
    public long getMetric(int metricId) {
        return metrics.get(metricId);
    }
}
