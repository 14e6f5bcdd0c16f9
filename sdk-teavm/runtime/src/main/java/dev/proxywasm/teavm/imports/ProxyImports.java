package dev.proxywasm.teavm.imports;

import org.teavm.interop.Import;

/**
 * Every {@code env} function of proxy-wasm ABI 0.2.1, as Envoy (proxy-wasm-cpp-host) declares it.
 * Pointers are guest addresses ({@code i32}); {@code long} is {@code i64}; each returns a WasmResult
 * code. Only {@link dev.proxywasm.teavm.host.WasmHost} calls these.
 */
public final class ProxyImports {
    private ProxyImports() {}

    @Import(module = "env", name = "proxy_log")
    public static native int log(int level, int messagePtr, int messageSize);

    @Import(module = "env", name = "proxy_get_log_level")
    public static native int getLogLevel(int levelPtr);

    @Import(module = "env", name = "proxy_get_current_time_nanoseconds")
    public static native int getCurrentTimeNanoseconds(int resultPtr);

    @Import(module = "env", name = "proxy_set_tick_period_milliseconds")
    public static native int setTickPeriodMilliseconds(int milliseconds);

    @Import(module = "env", name = "proxy_set_effective_context")
    public static native int setEffectiveContext(int contextId);

    @Import(module = "env", name = "proxy_done")
    public static native int done();

    @Import(module = "env", name = "proxy_call_foreign_function")
    public static native int callForeignFunction(int namePtr, int nameSize, int argumentsPtr, int argumentsSize, int resultPtrPtr, int resultSizePtr);

    @Import(module = "env", name = "proxy_get_property")
    public static native int getProperty(int pathPtr, int pathSize, int valuePtrPtr, int valueSizePtr);

    @Import(module = "env", name = "proxy_set_property")
    public static native int setProperty(int pathPtr, int pathSize, int valuePtr, int valueSize);

    @Import(module = "env", name = "proxy_get_buffer_bytes")
    public static native int getBufferBytes(int bufferType, int start, int maxSize, int dataPtrPtr, int dataSizePtr);

    @Import(module = "env", name = "proxy_get_buffer_status")
    public static native int getBufferStatus(int bufferType, int lengthPtr, int flagsPtr);

    @Import(module = "env", name = "proxy_set_buffer_bytes")
    public static native int setBufferBytes(int bufferType, int start, int size, int dataPtr, int dataSize);

    @Import(module = "env", name = "proxy_get_header_map_pairs")
    public static native int getHeaderMapPairs(int mapType, int dataPtrPtr, int dataSizePtr);

    @Import(module = "env", name = "proxy_set_header_map_pairs")
    public static native int setHeaderMapPairs(int mapType, int dataPtr, int dataSize);

    @Import(module = "env", name = "proxy_get_header_map_value")
    public static native int getHeaderMapValue(int mapType, int keyPtr, int keySize, int valuePtrPtr, int valueSizePtr);

    @Import(module = "env", name = "proxy_add_header_map_value")
    public static native int addHeaderMapValue(int mapType, int keyPtr, int keySize, int valuePtr, int valueSize);

    @Import(module = "env", name = "proxy_replace_header_map_value")
    public static native int replaceHeaderMapValue(int mapType, int keyPtr, int keySize, int valuePtr, int valueSize);

    @Import(module = "env", name = "proxy_remove_header_map_value")
    public static native int removeHeaderMapValue(int mapType, int keyPtr, int keySize);

    @Import(module = "env", name = "proxy_get_header_map_size")
    public static native int getHeaderMapSize(int mapType, int sizePtr);

    @Import(module = "env", name = "proxy_continue_stream")
    public static native int continueStream(int streamType);

    @Import(module = "env", name = "proxy_close_stream")
    public static native int closeStream(int streamType);

    @Import(module = "env", name = "proxy_send_local_response")
    public static native int sendLocalResponse(int statusCode, int detailsPtr, int detailsSize, int bodyPtr, int bodySize, int headersPtr, int headersSize, int grpcStatus);

    @Import(module = "env", name = "proxy_get_status")
    public static native int getStatus(int codePtr, int messagePtrPtr, int messageSizePtr);

    @Import(module = "env", name = "proxy_http_call")
    public static native int httpCall(int upstreamPtr, int upstreamSize, int headersPtr, int headersSize, int bodyPtr, int bodySize, int trailersPtr, int trailersSize, int timeoutMilliseconds, int tokenPtr);

    @Import(module = "env", name = "proxy_grpc_call")
    public static native int grpcCall(int servicePtr, int serviceSize, int serviceNamePtr, int serviceNameSize, int methodPtr, int methodSize, int metadataPtr, int metadataSize, int messagePtr, int messageSize, int timeoutMilliseconds, int tokenPtr);

    @Import(module = "env", name = "proxy_grpc_stream")
    public static native int grpcStream(int servicePtr, int serviceSize, int serviceNamePtr, int serviceNameSize, int methodPtr, int methodSize, int metadataPtr, int metadataSize, int tokenPtr);

    @Import(module = "env", name = "proxy_grpc_send")
    public static native int grpcSend(int token, int messagePtr, int messageSize, int endOfStream);

    @Import(module = "env", name = "proxy_grpc_cancel")
    public static native int grpcCancel(int token);

    @Import(module = "env", name = "proxy_grpc_close")
    public static native int grpcClose(int token);

    @Import(module = "env", name = "proxy_get_shared_data")
    public static native int getSharedData(int keyPtr, int keySize, int valuePtrPtr, int valueSizePtr, int casPtr);

    @Import(module = "env", name = "proxy_set_shared_data")
    public static native int setSharedData(int keyPtr, int keySize, int valuePtr, int valueSize, int cas);

    @Import(module = "env", name = "proxy_register_shared_queue")
    public static native int registerSharedQueue(int namePtr, int nameSize, int queueIdPtr);

    @Import(module = "env", name = "proxy_resolve_shared_queue")
    public static native int resolveSharedQueue(int vmIdPtr, int vmIdSize, int namePtr, int nameSize, int queueIdPtr);

    @Import(module = "env", name = "proxy_enqueue_shared_queue")
    public static native int enqueueSharedQueue(int queueId, int dataPtr, int dataSize);

    @Import(module = "env", name = "proxy_dequeue_shared_queue")
    public static native int dequeueSharedQueue(int queueId, int dataPtrPtr, int dataSizePtr);

    @Import(module = "env", name = "proxy_define_metric")
    public static native int defineMetric(int metricType, int namePtr, int nameSize, int metricIdPtr);

    @Import(module = "env", name = "proxy_increment_metric")
    public static native int incrementMetric(int metricId, long offset);

    @Import(module = "env", name = "proxy_record_metric")
    public static native int recordMetric(int metricId, long value);

    @Import(module = "env", name = "proxy_get_metric")
    public static native int getMetric(int metricId, int resultPtr);
}
