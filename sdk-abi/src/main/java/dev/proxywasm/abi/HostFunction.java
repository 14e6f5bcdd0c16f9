package dev.proxywasm.abi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every function proxy-wasm ABI 0.2.1 has the host provide in module {@code env}, as Envoy
 * (proxy-wasm-cpp-host) links it: name, wasm signature, parameters. Every other place that names or
 * calls a host function (the WebAssembly imports, the emulator, the module validator) is checked
 * against this table by a test. Each returns a {@link WasmResult} code.
 */
public enum HostFunction {
    PROXY_LOG(Names.PROXY_LOG, "(i32,i32,i32)->i32", "level", "message_ptr", "message_size"),
    PROXY_GET_LOG_LEVEL(Names.PROXY_GET_LOG_LEVEL, "(i32)->i32", "level_ptr"),
    PROXY_GET_CURRENT_TIME_NANOSECONDS(Names.PROXY_GET_CURRENT_TIME_NANOSECONDS, "(i32)->i32", "result_ptr"),
    PROXY_SET_TICK_PERIOD_MILLISECONDS(Names.PROXY_SET_TICK_PERIOD_MILLISECONDS, "(i32)->i32", "milliseconds"),
    PROXY_SET_EFFECTIVE_CONTEXT(Names.PROXY_SET_EFFECTIVE_CONTEXT, "(i32)->i32", "context_id"),
    PROXY_DONE(Names.PROXY_DONE, "()->i32"),
    PROXY_CALL_FOREIGN_FUNCTION(Names.PROXY_CALL_FOREIGN_FUNCTION, "(i32,i32,i32,i32,i32,i32)->i32", "name_ptr", "name_size", "arguments_ptr", "arguments_size", "result_ptr_ptr", "result_size_ptr"),
    PROXY_GET_PROPERTY(Names.PROXY_GET_PROPERTY, "(i32,i32,i32,i32)->i32", "path_ptr", "path_size", "value_ptr_ptr", "value_size_ptr"),
    PROXY_SET_PROPERTY(Names.PROXY_SET_PROPERTY, "(i32,i32,i32,i32)->i32", "path_ptr", "path_size", "value_ptr", "value_size"),
    PROXY_GET_BUFFER_BYTES(Names.PROXY_GET_BUFFER_BYTES, "(i32,i32,i32,i32,i32)->i32", "buffer_type", "start", "max_size", "data_ptr_ptr", "data_size_ptr"),
    PROXY_GET_BUFFER_STATUS(Names.PROXY_GET_BUFFER_STATUS, "(i32,i32,i32)->i32", "buffer_type", "length_ptr", "flags_ptr"),
    PROXY_SET_BUFFER_BYTES(Names.PROXY_SET_BUFFER_BYTES, "(i32,i32,i32,i32,i32)->i32", "buffer_type", "start", "size", "data_ptr", "data_size"),
    PROXY_GET_HEADER_MAP_PAIRS(Names.PROXY_GET_HEADER_MAP_PAIRS, "(i32,i32,i32)->i32", "map_type", "data_ptr_ptr", "data_size_ptr"),
    PROXY_SET_HEADER_MAP_PAIRS(Names.PROXY_SET_HEADER_MAP_PAIRS, "(i32,i32,i32)->i32", "map_type", "data_ptr", "data_size"),
    PROXY_GET_HEADER_MAP_VALUE(Names.PROXY_GET_HEADER_MAP_VALUE, "(i32,i32,i32,i32,i32)->i32", "map_type", "key_ptr", "key_size", "value_ptr_ptr", "value_size_ptr"),
    PROXY_ADD_HEADER_MAP_VALUE(Names.PROXY_ADD_HEADER_MAP_VALUE, "(i32,i32,i32,i32,i32)->i32", "map_type", "key_ptr", "key_size", "value_ptr", "value_size"),
    PROXY_REPLACE_HEADER_MAP_VALUE(Names.PROXY_REPLACE_HEADER_MAP_VALUE, "(i32,i32,i32,i32,i32)->i32", "map_type", "key_ptr", "key_size", "value_ptr", "value_size"),
    PROXY_REMOVE_HEADER_MAP_VALUE(Names.PROXY_REMOVE_HEADER_MAP_VALUE, "(i32,i32,i32)->i32", "map_type", "key_ptr", "key_size"),
    PROXY_GET_HEADER_MAP_SIZE(Names.PROXY_GET_HEADER_MAP_SIZE, "(i32,i32)->i32", "map_type", "size_ptr"),
    PROXY_CONTINUE_STREAM(Names.PROXY_CONTINUE_STREAM, "(i32)->i32", "stream_type"),
    PROXY_CLOSE_STREAM(Names.PROXY_CLOSE_STREAM, "(i32)->i32", "stream_type"),
    PROXY_SEND_LOCAL_RESPONSE(Names.PROXY_SEND_LOCAL_RESPONSE, "(i32,i32,i32,i32,i32,i32,i32,i32)->i32", "status_code", "details_ptr", "details_size", "body_ptr", "body_size", "headers_ptr", "headers_size", "grpc_status"),
    PROXY_GET_STATUS(Names.PROXY_GET_STATUS, "(i32,i32,i32)->i32", "code_ptr", "message_ptr_ptr", "message_size_ptr"),
    PROXY_HTTP_CALL(Names.PROXY_HTTP_CALL, "(i32,i32,i32,i32,i32,i32,i32,i32,i32,i32)->i32", "upstream_ptr", "upstream_size", "headers_ptr", "headers_size", "body_ptr", "body_size", "trailers_ptr", "trailers_size", "timeout_milliseconds", "token_ptr"),
    PROXY_GRPC_CALL(Names.PROXY_GRPC_CALL, "(i32,i32,i32,i32,i32,i32,i32,i32,i32,i32,i32,i32)->i32", "service_ptr", "service_size", "service_name_ptr", "service_name_size", "method_ptr", "method_size", "metadata_ptr", "metadata_size", "message_ptr", "message_size", "timeout_milliseconds", "token_ptr"),
    PROXY_GRPC_STREAM(Names.PROXY_GRPC_STREAM, "(i32,i32,i32,i32,i32,i32,i32,i32,i32)->i32", "service_ptr", "service_size", "service_name_ptr", "service_name_size", "method_ptr", "method_size", "metadata_ptr", "metadata_size", "token_ptr"),
    PROXY_GRPC_SEND(Names.PROXY_GRPC_SEND, "(i32,i32,i32,i32)->i32", "token", "message_ptr", "message_size", "end_of_stream"),
    PROXY_GRPC_CANCEL(Names.PROXY_GRPC_CANCEL, "(i32)->i32", "token"),
    PROXY_GRPC_CLOSE(Names.PROXY_GRPC_CLOSE, "(i32)->i32", "token"),
    PROXY_GET_SHARED_DATA(Names.PROXY_GET_SHARED_DATA, "(i32,i32,i32,i32,i32)->i32", "key_ptr", "key_size", "value_ptr_ptr", "value_size_ptr", "cas_ptr"),
    PROXY_SET_SHARED_DATA(Names.PROXY_SET_SHARED_DATA, "(i32,i32,i32,i32,i32)->i32", "key_ptr", "key_size", "value_ptr", "value_size", "cas"),
    PROXY_REGISTER_SHARED_QUEUE(Names.PROXY_REGISTER_SHARED_QUEUE, "(i32,i32,i32)->i32", "name_ptr", "name_size", "queue_id_ptr"),
    PROXY_RESOLVE_SHARED_QUEUE(Names.PROXY_RESOLVE_SHARED_QUEUE, "(i32,i32,i32,i32,i32)->i32", "vm_id_ptr", "vm_id_size", "name_ptr", "name_size", "queue_id_ptr"),
    PROXY_ENQUEUE_SHARED_QUEUE(Names.PROXY_ENQUEUE_SHARED_QUEUE, "(i32,i32,i32)->i32", "queue_id", "data_ptr", "data_size"),
    PROXY_DEQUEUE_SHARED_QUEUE(Names.PROXY_DEQUEUE_SHARED_QUEUE, "(i32,i32,i32)->i32", "queue_id", "data_ptr_ptr", "data_size_ptr"),
    PROXY_DEFINE_METRIC(Names.PROXY_DEFINE_METRIC, "(i32,i32,i32,i32)->i32", "metric_type", "name_ptr", "name_size", "metric_id_ptr"),
    PROXY_INCREMENT_METRIC(Names.PROXY_INCREMENT_METRIC, "(i32,i64)->i32", "metric_id", "offset"),
    PROXY_RECORD_METRIC(Names.PROXY_RECORD_METRIC, "(i32,i64)->i32", "metric_id", "value"),
    PROXY_GET_METRIC(Names.PROXY_GET_METRIC, "(i32,i32)->i32", "metric_id", "result_ptr");

    /** The module every host function is imported from. */
    public static final String MODULE = "env";

    /**
     * ABI 0.1.0 names that 0.2.1 dropped: Envoy does not link them for a module that declares
     * 0.2.1, so importing one is the usual sign of a module built against an old SDK.
     */
    public static final Set<String> ABI_0_1_0_ONLY = Set.of("proxy_get_configuration", "proxy_continue_request",
            "proxy_continue_response", "proxy_clear_route_cache", "proxy_get_response_body_buffer_bytes");

    /** The names as compile-time constants, for annotations that must spell them. */
    public static final class Names {
        private Names() {}

        public static final String PROXY_LOG = "proxy_log";
        public static final String PROXY_GET_LOG_LEVEL = "proxy_get_log_level";
        public static final String PROXY_GET_CURRENT_TIME_NANOSECONDS = "proxy_get_current_time_nanoseconds";
        public static final String PROXY_SET_TICK_PERIOD_MILLISECONDS = "proxy_set_tick_period_milliseconds";
        public static final String PROXY_SET_EFFECTIVE_CONTEXT = "proxy_set_effective_context";
        public static final String PROXY_DONE = "proxy_done";
        public static final String PROXY_CALL_FOREIGN_FUNCTION = "proxy_call_foreign_function";
        public static final String PROXY_GET_PROPERTY = "proxy_get_property";
        public static final String PROXY_SET_PROPERTY = "proxy_set_property";
        public static final String PROXY_GET_BUFFER_BYTES = "proxy_get_buffer_bytes";
        public static final String PROXY_GET_BUFFER_STATUS = "proxy_get_buffer_status";
        public static final String PROXY_SET_BUFFER_BYTES = "proxy_set_buffer_bytes";
        public static final String PROXY_GET_HEADER_MAP_PAIRS = "proxy_get_header_map_pairs";
        public static final String PROXY_SET_HEADER_MAP_PAIRS = "proxy_set_header_map_pairs";
        public static final String PROXY_GET_HEADER_MAP_VALUE = "proxy_get_header_map_value";
        public static final String PROXY_ADD_HEADER_MAP_VALUE = "proxy_add_header_map_value";
        public static final String PROXY_REPLACE_HEADER_MAP_VALUE = "proxy_replace_header_map_value";
        public static final String PROXY_REMOVE_HEADER_MAP_VALUE = "proxy_remove_header_map_value";
        public static final String PROXY_GET_HEADER_MAP_SIZE = "proxy_get_header_map_size";
        public static final String PROXY_CONTINUE_STREAM = "proxy_continue_stream";
        public static final String PROXY_CLOSE_STREAM = "proxy_close_stream";
        public static final String PROXY_SEND_LOCAL_RESPONSE = "proxy_send_local_response";
        public static final String PROXY_GET_STATUS = "proxy_get_status";
        public static final String PROXY_HTTP_CALL = "proxy_http_call";
        public static final String PROXY_GRPC_CALL = "proxy_grpc_call";
        public static final String PROXY_GRPC_STREAM = "proxy_grpc_stream";
        public static final String PROXY_GRPC_SEND = "proxy_grpc_send";
        public static final String PROXY_GRPC_CANCEL = "proxy_grpc_cancel";
        public static final String PROXY_GRPC_CLOSE = "proxy_grpc_close";
        public static final String PROXY_GET_SHARED_DATA = "proxy_get_shared_data";
        public static final String PROXY_SET_SHARED_DATA = "proxy_set_shared_data";
        public static final String PROXY_REGISTER_SHARED_QUEUE = "proxy_register_shared_queue";
        public static final String PROXY_RESOLVE_SHARED_QUEUE = "proxy_resolve_shared_queue";
        public static final String PROXY_ENQUEUE_SHARED_QUEUE = "proxy_enqueue_shared_queue";
        public static final String PROXY_DEQUEUE_SHARED_QUEUE = "proxy_dequeue_shared_queue";
        public static final String PROXY_DEFINE_METRIC = "proxy_define_metric";
        public static final String PROXY_INCREMENT_METRIC = "proxy_increment_metric";
        public static final String PROXY_RECORD_METRIC = "proxy_record_metric";
        public static final String PROXY_GET_METRIC = "proxy_get_metric";
    }

    private static final Map<String, HostFunction> BY_NAME = new HashMap<>();

    static {
        for (HostFunction f : values()) {
            BY_NAME.put(f.abiName, f);
        }
    }

    private final String abiName;
    private final Signature signature;
    private final List<Parameter> parameters;

    HostFunction(String abiName, String signature, String... parameters) {
        this.abiName = abiName;
        this.signature = Signature.parse(signature);
        this.parameters = Parameter.of(abiName, this.signature, parameters);
    }

    /** The import's name, e.g. {@code proxy_get_header_map_value}. */
    public String abiName() {
        return abiName;
    }

    public Signature signature() {
        return signature;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The function named {@code abiName}, or null if ABI 0.2.1 has none. */
    public static HostFunction byName(String abiName) {
        return BY_NAME.get(abiName);
    }
}
