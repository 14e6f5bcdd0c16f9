package dev.proxywasm.teavm.imports;

import dev.proxywasm.abi.HostFunction;
import org.teavm.interop.Import;

/**
 * Every {@code env} function of proxy-wasm ABI 0.2.1, as Envoy (proxy-wasm-cpp-host) declares it.
 * Pointers are guest addresses ({@code i32}); {@code long} is {@code i64}; each returns a WasmResult
 * code. Only {@link dev.proxywasm.teavm.host.WasmHost} calls these.
 */
public final class ProxyImports {
    private ProxyImports() {}

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_LOG)
    public static native int log(int level, int messagePtr, int messageSize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_LOG_LEVEL)
    public static native int getLogLevel(int levelPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_CURRENT_TIME_NANOSECONDS)
    public static native int getCurrentTimeNanoseconds(int resultPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_SET_TICK_PERIOD_MILLISECONDS)
    public static native int setTickPeriodMilliseconds(int milliseconds);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_SET_EFFECTIVE_CONTEXT)
    public static native int setEffectiveContext(int contextId);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_DONE)
    public static native int done();

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_CALL_FOREIGN_FUNCTION)
    public static native int callForeignFunction(int namePtr, int nameSize, int argumentsPtr, int argumentsSize, int resultPtrPtr, int resultSizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_PROPERTY)
    public static native int getProperty(int pathPtr, int pathSize, int valuePtrPtr, int valueSizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_SET_PROPERTY)
    public static native int setProperty(int pathPtr, int pathSize, int valuePtr, int valueSize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_BUFFER_BYTES)
    public static native int getBufferBytes(int bufferType, int start, int maxSize, int dataPtrPtr, int dataSizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_BUFFER_STATUS)
    public static native int getBufferStatus(int bufferType, int lengthPtr, int flagsPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_SET_BUFFER_BYTES)
    public static native int setBufferBytes(int bufferType, int start, int size, int dataPtr, int dataSize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_HEADER_MAP_PAIRS)
    public static native int getHeaderMapPairs(int mapType, int dataPtrPtr, int dataSizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_SET_HEADER_MAP_PAIRS)
    public static native int setHeaderMapPairs(int mapType, int dataPtr, int dataSize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_HEADER_MAP_VALUE)
    public static native int getHeaderMapValue(int mapType, int keyPtr, int keySize, int valuePtrPtr, int valueSizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_ADD_HEADER_MAP_VALUE)
    public static native int addHeaderMapValue(int mapType, int keyPtr, int keySize, int valuePtr, int valueSize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_REPLACE_HEADER_MAP_VALUE)
    public static native int replaceHeaderMapValue(int mapType, int keyPtr, int keySize, int valuePtr, int valueSize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_REMOVE_HEADER_MAP_VALUE)
    public static native int removeHeaderMapValue(int mapType, int keyPtr, int keySize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_HEADER_MAP_SIZE)
    public static native int getHeaderMapSize(int mapType, int sizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_CONTINUE_STREAM)
    public static native int continueStream(int streamType);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_CLOSE_STREAM)
    public static native int closeStream(int streamType);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_SEND_LOCAL_RESPONSE)
    public static native int sendLocalResponse(int statusCode, int detailsPtr, int detailsSize, int bodyPtr, int bodySize, int headersPtr, int headersSize, int grpcStatus);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_STATUS)
    public static native int getStatus(int codePtr, int messagePtrPtr, int messageSizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_HTTP_CALL)
    public static native int httpCall(int upstreamPtr, int upstreamSize, int headersPtr, int headersSize, int bodyPtr, int bodySize, int trailersPtr, int trailersSize, int timeoutMilliseconds, int tokenPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GRPC_CALL)
    public static native int grpcCall(int servicePtr, int serviceSize, int serviceNamePtr, int serviceNameSize, int methodPtr, int methodSize, int metadataPtr, int metadataSize, int messagePtr, int messageSize, int timeoutMilliseconds, int tokenPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GRPC_STREAM)
    public static native int grpcStream(int servicePtr, int serviceSize, int serviceNamePtr, int serviceNameSize, int methodPtr, int methodSize, int metadataPtr, int metadataSize, int tokenPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GRPC_SEND)
    public static native int grpcSend(int token, int messagePtr, int messageSize, int endOfStream);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GRPC_CANCEL)
    public static native int grpcCancel(int token);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GRPC_CLOSE)
    public static native int grpcClose(int token);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_SHARED_DATA)
    public static native int getSharedData(int keyPtr, int keySize, int valuePtrPtr, int valueSizePtr, int casPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_SET_SHARED_DATA)
    public static native int setSharedData(int keyPtr, int keySize, int valuePtr, int valueSize, int cas);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_REGISTER_SHARED_QUEUE)
    public static native int registerSharedQueue(int namePtr, int nameSize, int queueIdPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_RESOLVE_SHARED_QUEUE)
    public static native int resolveSharedQueue(int vmIdPtr, int vmIdSize, int namePtr, int nameSize, int queueIdPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_ENQUEUE_SHARED_QUEUE)
    public static native int enqueueSharedQueue(int queueId, int dataPtr, int dataSize);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_DEQUEUE_SHARED_QUEUE)
    public static native int dequeueSharedQueue(int queueId, int dataPtrPtr, int dataSizePtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_DEFINE_METRIC)
    public static native int defineMetric(int metricType, int namePtr, int nameSize, int metricIdPtr);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_INCREMENT_METRIC)
    public static native int incrementMetric(int metricId, long offset);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_RECORD_METRIC)
    public static native int recordMetric(int metricId, long value);

    @Import(module = HostFunction.MODULE, name = HostFunction.Names.PROXY_GET_METRIC)
    public static native int getMetric(int metricId, int resultPtr);
}
