package dev.proxywasm.teavm.validator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What Envoy (proxy-wasm-cpp-host) accepts from a module, as signatures in the form
 * {@code (i32,i32)->i32}: the {@code env} imports of ABI 0.2.1, the WASI functions, and the exports
 * it looks up.
 */
final class AbiContract {
    private AbiContract() {}

    /** Every {@code env} function of ABI 0.2.1. */
    static final Map<String, String> ENV_IMPORTS = map(
            "proxy_log", "(i32,i32,i32)->i32",
            "proxy_get_log_level", "(i32)->i32",
            "proxy_get_current_time_nanoseconds", "(i32)->i32",
            "proxy_set_tick_period_milliseconds", "(i32)->i32",
            "proxy_set_effective_context", "(i32)->i32",
            "proxy_done", "()->i32",
            "proxy_call_foreign_function", "(i32,i32,i32,i32,i32,i32)->i32",
            "proxy_get_property", "(i32,i32,i32,i32)->i32",
            "proxy_set_property", "(i32,i32,i32,i32)->i32",
            "proxy_get_buffer_bytes", "(i32,i32,i32,i32,i32)->i32",
            "proxy_get_buffer_status", "(i32,i32,i32)->i32",
            "proxy_set_buffer_bytes", "(i32,i32,i32,i32,i32)->i32",
            "proxy_get_header_map_pairs", "(i32,i32,i32)->i32",
            "proxy_set_header_map_pairs", "(i32,i32,i32)->i32",
            "proxy_get_header_map_value", "(i32,i32,i32,i32,i32)->i32",
            "proxy_add_header_map_value", "(i32,i32,i32,i32,i32)->i32",
            "proxy_replace_header_map_value", "(i32,i32,i32,i32,i32)->i32",
            "proxy_remove_header_map_value", "(i32,i32,i32)->i32",
            "proxy_get_header_map_size", "(i32,i32)->i32",
            "proxy_continue_stream", "(i32)->i32",
            "proxy_close_stream", "(i32)->i32",
            "proxy_send_local_response", "(i32,i32,i32,i32,i32,i32,i32,i32)->i32",
            "proxy_get_status", "(i32,i32,i32)->i32",
            "proxy_http_call", "(i32,i32,i32,i32,i32,i32,i32,i32,i32,i32)->i32",
            "proxy_grpc_call", "(i32,i32,i32,i32,i32,i32,i32,i32,i32,i32,i32,i32)->i32",
            "proxy_grpc_stream", "(i32,i32,i32,i32,i32,i32,i32,i32,i32)->i32",
            "proxy_grpc_send", "(i32,i32,i32,i32)->i32",
            "proxy_grpc_cancel", "(i32)->i32",
            "proxy_grpc_close", "(i32)->i32",
            "proxy_get_shared_data", "(i32,i32,i32,i32,i32)->i32",
            "proxy_set_shared_data", "(i32,i32,i32,i32,i32)->i32",
            "proxy_register_shared_queue", "(i32,i32,i32)->i32",
            "proxy_resolve_shared_queue", "(i32,i32,i32,i32,i32)->i32",
            "proxy_enqueue_shared_queue", "(i32,i32,i32)->i32",
            "proxy_dequeue_shared_queue", "(i32,i32,i32)->i32",
            "proxy_define_metric", "(i32,i32,i32,i32)->i32",
            "proxy_increment_metric", "(i32,i64)->i32",
            "proxy_record_metric", "(i32,i64)->i32",
            "proxy_get_metric", "(i32,i32)->i32");

    /** ABI 0.1.0 names Envoy no longer links when the module declares 0.2.1. */
    static final Set<String> ABI_0_1_0_ONLY = Set.of(
            "proxy_get_configuration", "proxy_continue_request", "proxy_continue_response",
            "proxy_clear_route_cache", "proxy_get_response_body_buffer_bytes");

    /** WASI functions every Envoy release with ABI 0.2.1 provides. */
    static final Map<String, String> WASI_EVERY_ENVOY = map(
            "fd_write", "(i32,i32,i32,i32)->i32",
            "fd_read", "(i32,i32,i32,i32)->i32",
            "fd_seek", "(i32,i64,i32,i32)->i32",
            "fd_close", "(i32)->i32",
            "fd_fdstat_get", "(i32,i32)->i32",
            "environ_get", "(i32,i32)->i32",
            "environ_sizes_get", "(i32,i32)->i32",
            "args_get", "(i32,i32)->i32",
            "args_sizes_get", "(i32,i32)->i32",
            "clock_time_get", "(i32,i64,i32)->i32",
            "random_get", "(i32,i32)->i32",
            "proc_exit", "(i32)->()",
            "path_open", "(i32,i32,i32,i32,i32,i64,i64,i32,i32)->i32",
            "fd_prestat_get", "(i32,i32)->i32",
            "fd_prestat_dir_name", "(i32,i32,i32)->i32");

    /** WASI functions Envoy added in 2024-12: older Envoy and Istio releases refuse them. */
    static final Map<String, String> WASI_SINCE_2024_12 = map(
            "fd_fdstat_set_flags", "(i32,i32)->i32",
            "sched_yield", "()->i32",
            "poll_oneoff", "(i32,i32,i32,i32)->i32");

    /** The module names WASI imports may use. */
    static final Set<String> WASI_MODULES = Set.of("wasi_snapshot_preview1", "wasi_unstable");

    static final String ABI_MARKER = "proxy_abi_version_0_2_1";

    /** Exports the host looks up, with the signature it calls them with. */
    static final Map<String, String> CALLBACKS = map(
            "_initialize", "()->()",
            "main", "(i32,i32)->i32",
            "malloc", "(i32)->i32",
            "proxy_on_memory_allocate", "(i32)->i32",
            "proxy_validate_configuration", "(i32,i32)->i32",
            "proxy_on_vm_start", "(i32,i32)->i32",
            "proxy_on_configure", "(i32,i32)->i32",
            "proxy_on_tick", "(i32)->()",
            "proxy_on_context_create", "(i32,i32)->()",
            "proxy_on_new_connection", "(i32)->i32",
            "proxy_on_downstream_data", "(i32,i32,i32)->i32",
            "proxy_on_upstream_data", "(i32,i32,i32)->i32",
            "proxy_on_downstream_connection_close", "(i32,i32)->()",
            "proxy_on_upstream_connection_close", "(i32,i32)->()",
            "proxy_on_request_headers", "(i32,i32,i32)->i32",
            "proxy_on_request_body", "(i32,i32,i32)->i32",
            "proxy_on_request_trailers", "(i32,i32)->i32",
            "proxy_on_request_metadata", "(i32,i32)->i32",
            "proxy_on_response_headers", "(i32,i32,i32)->i32",
            "proxy_on_response_body", "(i32,i32,i32)->i32",
            "proxy_on_response_trailers", "(i32,i32)->i32",
            "proxy_on_response_metadata", "(i32,i32)->i32",
            "proxy_on_http_call_response", "(i32,i32,i32,i32,i32)->()",
            "proxy_on_grpc_receive_initial_metadata", "(i32,i32,i32)->()",
            "proxy_on_grpc_receive_trailing_metadata", "(i32,i32,i32)->()",
            "proxy_on_grpc_receive", "(i32,i32,i32)->()",
            "proxy_on_grpc_close", "(i32,i32,i32)->()",
            "proxy_on_grpc_create_initial_metadata", "(i32,i32,i32)->()",
            "proxy_on_queue_ready", "(i32,i32)->()",
            "proxy_on_foreign_function", "(i32,i32,i32)->()",
            "proxy_on_done", "(i32)->i32",
            "proxy_on_log", "(i32)->()",
            "proxy_on_delete", "(i32)->()");

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
