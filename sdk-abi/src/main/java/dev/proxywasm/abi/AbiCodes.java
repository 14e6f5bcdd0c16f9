package dev.proxywasm.abi;

/**
 * The ABI table's codes that the runtime passes to the host, as int constants, each named after its
 * table enum and constant ({@code MAP_HTTP_REQUEST_HEADERS} is {@code MapType.HTTP_REQUEST_HEADERS}).
 *
 * <p>Why not {@code MapType.HTTP_REQUEST_HEADERS.code()}: in a module, naming an enum constant
 * initializes the enum, so every module carried each enum's values, their names and its class
 * records (about 0.6 to 1.3 KB each) for a number javac inlines. The table's enums take their codes
 * from here, so each code is written once.
 */
public final class AbiCodes {
    /** {@code proxy_result_t}: the statuses every host call's check compares before it needs a {@code WasmResult}. */
    public static final int RESULT_OK = 0;
    public static final int RESULT_NOT_FOUND = 1;
    public static final int RESULT_BAD_ARGUMENT = 2;
    public static final int RESULT_PARSE_FAILURE = 4;
    public static final int RESULT_EMPTY = 7;
    public static final int RESULT_CAS_MISMATCH = 8;
    public static final int RESULT_INTERNAL_FAILURE = 10;

    /** {@code proxy_action_t}: what a stream or connection callback returns. */
    public static final int ACTION_CONTINUE = 0;
    public static final int ACTION_PAUSE = 1;

    /** {@code proxy_log_level_t}. */
    public static final int LOG_TRACE = 0;
    public static final int LOG_DEBUG = 1;
    public static final int LOG_INFO = 2;
    public static final int LOG_WARN = 3;
    public static final int LOG_ERROR = 4;
    public static final int LOG_CRITICAL = 5;

    /** {@code proxy_stream_type_t}. */
    public static final int STREAM_REQUEST = 0;
    public static final int STREAM_RESPONSE = 1;
    public static final int STREAM_DOWNSTREAM = 2;
    public static final int STREAM_UPSTREAM = 3;

    /** {@code proxy_map_type_t}. */
    public static final int MAP_HTTP_REQUEST_HEADERS = 0;
    public static final int MAP_HTTP_REQUEST_TRAILERS = 1;
    public static final int MAP_HTTP_RESPONSE_HEADERS = 2;
    public static final int MAP_HTTP_RESPONSE_TRAILERS = 3;
    public static final int MAP_GRPC_RECEIVE_INITIAL_METADATA = 4;
    public static final int MAP_GRPC_RECEIVE_TRAILING_METADATA = 5;
    public static final int MAP_HTTP_CALL_RESPONSE_HEADERS = 6;
    public static final int MAP_HTTP_CALL_RESPONSE_TRAILERS = 7;

    /** {@code proxy_buffer_type_t}. */
    public static final int BUFFER_HTTP_REQUEST_BODY = 0;
    public static final int BUFFER_HTTP_RESPONSE_BODY = 1;
    public static final int BUFFER_DOWNSTREAM_DATA = 2;
    public static final int BUFFER_UPSTREAM_DATA = 3;
    public static final int BUFFER_HTTP_CALL_RESPONSE_BODY = 4;
    public static final int BUFFER_GRPC_RECEIVE_BUFFER = 5;
    public static final int BUFFER_VM_CONFIGURATION = 6;
    public static final int BUFFER_PLUGIN_CONFIGURATION = 7;
    public static final int BUFFER_FOREIGN_FUNCTION_ARGUMENTS = 8;

    /** {@code proxy_metric_type_t}. */
    public static final int METRIC_COUNTER = 0;
    public static final int METRIC_GAUGE = 1;
    public static final int METRIC_HISTOGRAM = 2;

    /** {@code proxy_peer_type_t}: which side closed a connection. */
    public static final int PEER_LOCAL = 1;
    public static final int PEER_REMOTE = 2;

    private AbiCodes() {}
}
