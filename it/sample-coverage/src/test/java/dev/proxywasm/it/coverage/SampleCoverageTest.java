package dev.proxywasm.it.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.proxywasm.teavm.validator.ModuleValidator;
import dev.proxywasm.teavm.validator.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every ABI 0.2.1 host function and callback is used by at least one sample, and every sample loads in Envoy. */
class SampleCoverageTest {
    private static final Set<String> HOST_FUNCTIONS = Set.of("proxy_log", "proxy_get_log_level",
            "proxy_get_current_time_nanoseconds", "proxy_set_tick_period_milliseconds", "proxy_set_effective_context",
            "proxy_done", "proxy_call_foreign_function", "proxy_get_property", "proxy_set_property",
            "proxy_get_buffer_bytes", "proxy_get_buffer_status", "proxy_set_buffer_bytes", "proxy_get_header_map_pairs",
            "proxy_set_header_map_pairs", "proxy_get_header_map_value", "proxy_add_header_map_value",
            "proxy_replace_header_map_value", "proxy_remove_header_map_value", "proxy_get_header_map_size",
            "proxy_continue_stream", "proxy_close_stream", "proxy_send_local_response", "proxy_get_status",
            "proxy_http_call", "proxy_grpc_call", "proxy_grpc_stream", "proxy_grpc_send", "proxy_grpc_cancel",
            "proxy_grpc_close", "proxy_get_shared_data", "proxy_set_shared_data", "proxy_register_shared_queue",
            "proxy_resolve_shared_queue", "proxy_enqueue_shared_queue", "proxy_dequeue_shared_queue",
            "proxy_define_metric", "proxy_increment_metric", "proxy_record_metric", "proxy_get_metric");
    private static final Set<String> CALLBACKS = Set.of("proxy_on_context_create", "proxy_on_vm_start",
            "proxy_on_configure", "proxy_on_tick", "proxy_on_new_connection", "proxy_on_downstream_data",
            "proxy_on_upstream_data", "proxy_on_downstream_connection_close", "proxy_on_upstream_connection_close",
            "proxy_on_request_headers", "proxy_on_request_body", "proxy_on_request_trailers",
            "proxy_on_response_headers", "proxy_on_response_body", "proxy_on_response_trailers",
            "proxy_on_http_call_response", "proxy_on_grpc_receive_initial_metadata", "proxy_on_grpc_receive",
            "proxy_on_grpc_receive_trailing_metadata", "proxy_on_grpc_close", "proxy_on_queue_ready",
            "proxy_on_foreign_function", "proxy_on_done", "proxy_on_log", "proxy_on_delete", "proxy_on_memory_allocate");

    @Test
    void theSamplesTogetherUseTheWholeAbi() throws IOException {
        Set<String> imported = new TreeSet<>();
        Set<String> exported = new TreeSet<>();
        List<String> refused = new ArrayList<>();
        List<Path> modules = modules();
        assertFalse(modules.isEmpty());
        for (Path module : modules) {
            ValidationReport report = ModuleValidator.validate(Files.readAllBytes(module));
            if (report.hasErrors()) {
                refused.add(module + ": " + report.errors());
            }
            report.imports().stream().filter(i -> i.module().equals("env")).forEach(i -> imported.add(i.name()));
            report.exports().forEach(e -> exported.add(e.name()));
        }
        assertEquals(List.of(), refused);
        assertEquals(new TreeSet<>(), missing(HOST_FUNCTIONS, imported), "host functions no sample imports");
        assertEquals(new TreeSet<>(), missing(CALLBACKS, exported), "callbacks no sample exports");
    }

    private static Set<String> missing(Set<String> wanted, Set<String> present) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(present);
        return missing;
    }

    private static List<Path> modules() throws IOException {
        Path samples = Path.of(System.getProperty("samples.directory"));
        try (Stream<Path> dirs = Files.list(samples)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.resolve("target").resolve(d.getFileName() + ".wasm"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }
}
