package dev.proxywasm.runtime;

import dev.proxywasm.api.Utf8;

/**
 * The proxy-wasm host as the SDK sees it: one method per ABI 0.2.1 {@code env} import, with Java
 * arrays in place of guest pointers.
 *
 * <p>The WebAssembly backend implements it with the real imports; the test emulator implements it
 * in memory. Every implementation translates statuses the same way, through
 * {@link HostCallException#check}: {@code Ok} returns normally, {@code NotFound} and {@code Empty}
 * return {@code null} (or the documented "absent" value), anything else throws.
 *
 * <p>Plugin code never calls this interface; it uses the handles in {@code dev.proxywasm.api}.
 */
public interface Host {

    /** {@code proxy_log}. */
    void log(int level, byte[] message);

    /**
     * {@code proxy_log} of text. The text overloads exist so that a backend can encode into memory it
     * reuses instead of a new array per call: a log line or a header is the commonest host call.
     */
    default void log(int level, String message) {
        log(level, Utf8.encode(message));
    }

    /**
     * {@code proxy_log} of the text {@code parts} make together (a null part is {@code "null"}): a
     * concatenation that only goes to the log, which a backend can encode part after part without
     * making the string.
     */
    default void log(int level, String[] parts) {
        log(level, String.join("", parts));
    }

    /** {@code proxy_get_log_level}: the lowest level the host currently writes. */
    int getLogLevel();

    /** {@code proxy_get_current_time_nanoseconds}: wall-clock time since the epoch. */
    long getCurrentTimeNanoseconds();

    /** {@code proxy_set_tick_period_milliseconds}; 0 stops the ticks. */
    void setTickPeriodMilliseconds(int milliseconds);

    /** {@code proxy_set_effective_context}: later calls act on that context. */
    void setEffectiveContext(int contextId);

    /** {@code proxy_done}: the plugin finished the work it deferred in {@code proxy_on_done}. */
    void done();

    /** {@code proxy_call_foreign_function}; {@code null} when the host returned nothing. */
    byte[] callForeignFunction(byte[] name, byte[] arguments);

    /** {@code proxy_get_property}; {@code path} is NUL-separated segments. {@code null} if absent. */
    byte[] getProperty(byte[] path);

    /** {@code proxy_set_property}. */
    void setProperty(byte[] path, byte[] value);

    /** {@code proxy_get_buffer_bytes}: at most {@code maxSize} bytes from {@code start}; {@code null} if absent. */
    byte[] getBufferBytes(int bufferType, int start, int maxSize);

    /** {@code proxy_get_buffer_status}: the buffer's length, or -1 if it does not exist. */
    int getBufferSize(int bufferType);

    /** {@code proxy_set_buffer_bytes}: replaces {@code size} bytes at {@code start} with {@code data}. */
    void setBufferBytes(int bufferType, int start, int size, byte[] data);

    /** {@code proxy_get_header_map_pairs}: the map in the ABI's serialised pairs form. */
    byte[] getHeaderMapPairs(int mapType);

    /** {@code proxy_set_header_map_pairs}: replaces the whole map with serialised pairs. */
    void setHeaderMapPairs(int mapType, byte[] pairs);

    /** {@code proxy_get_header_map_value}; {@code null} if absent. */
    byte[] getHeaderMapValue(int mapType, byte[] key);

    /** {@code proxy_add_header_map_value}. */
    void addHeaderMapValue(int mapType, byte[] key, byte[] value);

    /** {@code proxy_replace_header_map_value}. */
    void replaceHeaderMapValue(int mapType, byte[] key, byte[] value);

    /** {@code proxy_remove_header_map_value}. */
    void removeHeaderMapValue(int mapType, byte[] key);

    /** {@code proxy_get_header_map_value} by a text key; see {@link #log(int, String)}. */
    default byte[] getHeaderMapValue(int mapType, String key) {
        return getHeaderMapValue(mapType, Utf8.encode(key));
    }

    /** {@code proxy_add_header_map_value} of text; see {@link #log(int, String)}. */
    default void addHeaderMapValue(int mapType, String key, String value) {
        addHeaderMapValue(mapType, Utf8.encode(key), Utf8.encode(value));
    }

    /** {@code proxy_replace_header_map_value} of text; see {@link #log(int, String)}. */
    default void replaceHeaderMapValue(int mapType, String key, String value) {
        replaceHeaderMapValue(mapType, Utf8.encode(key), Utf8.encode(value));
    }

    /** {@code proxy_remove_header_map_value} by a text key; see {@link #log(int, String)}. */
    default void removeHeaderMapValue(int mapType, String key) {
        removeHeaderMapValue(mapType, Utf8.encode(key));
    }

    /** {@code proxy_get_header_map_size}: the serialised size of the map in bytes. */
    int getHeaderMapSize(int mapType);

    /** {@code proxy_continue_stream}. */
    void continueStream(int streamType);

    /** {@code proxy_close_stream}. */
    void closeStream(int streamType);

    /** {@code proxy_send_local_response}; {@code grpcStatus} -1 means not a gRPC reply. */
    void sendLocalResponse(int statusCode, byte[] details, byte[] body, byte[] headerPairs, int grpcStatus);

    /** {@code proxy_get_status}: the status code, and the message in {@link Status#message()}. */
    Status getStatus();

    /** {@code proxy_http_call}: the call's token. */
    int httpCall(byte[] upstream, byte[] headerPairs, byte[] body, byte[] trailerPairs, int timeoutMilliseconds);

    /** {@code proxy_grpc_call}: the call's token. */
    int grpcCall(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs, byte[] message,
            int timeoutMilliseconds);

    /** {@code proxy_grpc_stream}: the stream's token. */
    int grpcStream(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs);

    /** {@code proxy_grpc_send}. */
    void grpcSend(int token, byte[] message, boolean endOfStream);

    /** {@code proxy_grpc_cancel}. */
    void grpcCancel(int token);

    /** {@code proxy_grpc_close}. */
    void grpcClose(int token);

    /** {@code proxy_get_shared_data}; {@code null} if the key is absent. */
    SharedValue getSharedData(byte[] key);

    /** {@code proxy_set_shared_data}; {@code false} on a CAS mismatch. */
    boolean setSharedData(byte[] key, byte[] value, int cas);

    /** {@code proxy_register_shared_queue}: the queue id. */
    int registerSharedQueue(byte[] name);

    /** {@code proxy_resolve_shared_queue}: the queue id, or -1 if no such queue. */
    int resolveSharedQueue(byte[] vmId, byte[] name);

    /** {@code proxy_enqueue_shared_queue}. */
    void enqueueSharedQueue(int queueId, byte[] data);

    /** {@code proxy_dequeue_shared_queue}; {@code null} when the queue is empty. */
    byte[] dequeueSharedQueue(int queueId);

    /** {@code proxy_define_metric}: the metric id. */
    int defineMetric(int metricType, byte[] name);

    /** {@code proxy_increment_metric}. */
    void incrementMetric(int metricId, long offset);

    /** {@code proxy_record_metric}. */
    void recordMetric(int metricId, long value);

    /** {@code proxy_get_metric}. */
    long getMetric(int metricId);

    /** A status code and its message, from {@code proxy_get_status}. */
    record Status(int code, byte[] message) {}

    /** A shared-data value and its CAS token. */
    record SharedValue(byte[] value, int cas) {}
}
