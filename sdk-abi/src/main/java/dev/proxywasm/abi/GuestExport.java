package dev.proxywasm.abi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every export a proxy-wasm host looks up in a module, with the signature Envoy
 * (proxy-wasm-cpp-host) calls it with. The generated glue, the emulator's calls into the module
 * and the module validator are checked against this table.
 */
public enum GuestExport {
    INITIALIZE(Names.INITIALIZE, "()->()"),
    MAIN(Names.MAIN, "(i32,i32)->i32", "argc", "argv"),
    MALLOC(Names.MALLOC, "(i32)->i32", "size"),
    PROXY_ON_MEMORY_ALLOCATE(Names.PROXY_ON_MEMORY_ALLOCATE, "(i32)->i32", "size"),
    PROXY_VALIDATE_CONFIGURATION(Names.PROXY_VALIDATE_CONFIGURATION, "(i32,i32)->i32", "root_context_id", "configuration_size"),
    PROXY_ON_VM_START(Names.PROXY_ON_VM_START, "(i32,i32)->i32", "root_context_id", "vm_configuration_size"),
    PROXY_ON_CONFIGURE(Names.PROXY_ON_CONFIGURE, "(i32,i32)->i32", "root_context_id", "plugin_configuration_size"),
    PROXY_ON_TICK(Names.PROXY_ON_TICK, "(i32)->()", "root_context_id"),
    PROXY_ON_CONTEXT_CREATE(Names.PROXY_ON_CONTEXT_CREATE, "(i32,i32)->()", "context_id", "parent_context_id"),
    PROXY_ON_NEW_CONNECTION(Names.PROXY_ON_NEW_CONNECTION, "(i32)->i32", "context_id"),
    PROXY_ON_DOWNSTREAM_DATA(Names.PROXY_ON_DOWNSTREAM_DATA, "(i32,i32,i32)->i32", "context_id", "data_size", "end_of_stream"),
    PROXY_ON_UPSTREAM_DATA(Names.PROXY_ON_UPSTREAM_DATA, "(i32,i32,i32)->i32", "context_id", "data_size", "end_of_stream"),
    PROXY_ON_DOWNSTREAM_CONNECTION_CLOSE(Names.PROXY_ON_DOWNSTREAM_CONNECTION_CLOSE, "(i32,i32)->()", "context_id", "peer_type"),
    PROXY_ON_UPSTREAM_CONNECTION_CLOSE(Names.PROXY_ON_UPSTREAM_CONNECTION_CLOSE, "(i32,i32)->()", "context_id", "peer_type"),
    PROXY_ON_REQUEST_HEADERS(Names.PROXY_ON_REQUEST_HEADERS, "(i32,i32,i32)->i32", "context_id", "num_headers", "end_of_stream"),
    PROXY_ON_REQUEST_BODY(Names.PROXY_ON_REQUEST_BODY, "(i32,i32,i32)->i32", "context_id", "body_size", "end_of_stream"),
    PROXY_ON_REQUEST_TRAILERS(Names.PROXY_ON_REQUEST_TRAILERS, "(i32,i32)->i32", "context_id", "num_trailers"),
    PROXY_ON_REQUEST_METADATA(Names.PROXY_ON_REQUEST_METADATA, "(i32,i32)->i32", "context_id", "num_elements"),
    PROXY_ON_RESPONSE_HEADERS(Names.PROXY_ON_RESPONSE_HEADERS, "(i32,i32,i32)->i32", "context_id", "num_headers", "end_of_stream"),
    PROXY_ON_RESPONSE_BODY(Names.PROXY_ON_RESPONSE_BODY, "(i32,i32,i32)->i32", "context_id", "body_size", "end_of_stream"),
    PROXY_ON_RESPONSE_TRAILERS(Names.PROXY_ON_RESPONSE_TRAILERS, "(i32,i32)->i32", "context_id", "num_trailers"),
    PROXY_ON_RESPONSE_METADATA(Names.PROXY_ON_RESPONSE_METADATA, "(i32,i32)->i32", "context_id", "num_elements"),
    PROXY_ON_HTTP_CALL_RESPONSE(Names.PROXY_ON_HTTP_CALL_RESPONSE, "(i32,i32,i32,i32,i32)->()", "context_id", "token", "num_headers", "body_size", "num_trailers"),
    PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA(Names.PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA, "(i32,i32,i32)->()", "context_id", "token", "num_headers"),
    PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA(Names.PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA, "(i32,i32,i32)->()", "context_id", "token", "num_trailers"),
    PROXY_ON_GRPC_RECEIVE(Names.PROXY_ON_GRPC_RECEIVE, "(i32,i32,i32)->()", "context_id", "token", "message_size"),
    PROXY_ON_GRPC_CLOSE(Names.PROXY_ON_GRPC_CLOSE, "(i32,i32,i32)->()", "context_id", "token", "status_code"),
    PROXY_ON_GRPC_CREATE_INITIAL_METADATA(Names.PROXY_ON_GRPC_CREATE_INITIAL_METADATA, "(i32,i32,i32)->()", "context_id", "token", "num_headers"),
    PROXY_ON_QUEUE_READY(Names.PROXY_ON_QUEUE_READY, "(i32,i32)->()", "root_context_id", "queue_id"),
    PROXY_ON_FOREIGN_FUNCTION(Names.PROXY_ON_FOREIGN_FUNCTION, "(i32,i32,i32)->()", "root_context_id", "function_id", "arguments_size"),
    PROXY_ON_DONE(Names.PROXY_ON_DONE, "(i32)->i32", "context_id"),
    PROXY_ON_LOG(Names.PROXY_ON_LOG, "(i32)->()", "context_id"),
    PROXY_ON_DELETE(Names.PROXY_ON_DELETE, "(i32)->()", "context_id");

    /** The export that declares the ABI version; its presence is the version. */
    public static final String ABI_MARKER = "proxy_abi_version_0_2_1";

    /** The names as compile-time constants, for annotations that must spell them. */
    public static final class Names {
        private Names() {}

        public static final String INITIALIZE = "_initialize";
        public static final String MAIN = "main";
        public static final String MALLOC = "malloc";
        public static final String PROXY_ON_MEMORY_ALLOCATE = "proxy_on_memory_allocate";
        public static final String PROXY_VALIDATE_CONFIGURATION = "proxy_validate_configuration";
        public static final String PROXY_ON_VM_START = "proxy_on_vm_start";
        public static final String PROXY_ON_CONFIGURE = "proxy_on_configure";
        public static final String PROXY_ON_TICK = "proxy_on_tick";
        public static final String PROXY_ON_CONTEXT_CREATE = "proxy_on_context_create";
        public static final String PROXY_ON_NEW_CONNECTION = "proxy_on_new_connection";
        public static final String PROXY_ON_DOWNSTREAM_DATA = "proxy_on_downstream_data";
        public static final String PROXY_ON_UPSTREAM_DATA = "proxy_on_upstream_data";
        public static final String PROXY_ON_DOWNSTREAM_CONNECTION_CLOSE = "proxy_on_downstream_connection_close";
        public static final String PROXY_ON_UPSTREAM_CONNECTION_CLOSE = "proxy_on_upstream_connection_close";
        public static final String PROXY_ON_REQUEST_HEADERS = "proxy_on_request_headers";
        public static final String PROXY_ON_REQUEST_BODY = "proxy_on_request_body";
        public static final String PROXY_ON_REQUEST_TRAILERS = "proxy_on_request_trailers";
        public static final String PROXY_ON_REQUEST_METADATA = "proxy_on_request_metadata";
        public static final String PROXY_ON_RESPONSE_HEADERS = "proxy_on_response_headers";
        public static final String PROXY_ON_RESPONSE_BODY = "proxy_on_response_body";
        public static final String PROXY_ON_RESPONSE_TRAILERS = "proxy_on_response_trailers";
        public static final String PROXY_ON_RESPONSE_METADATA = "proxy_on_response_metadata";
        public static final String PROXY_ON_HTTP_CALL_RESPONSE = "proxy_on_http_call_response";
        public static final String PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA = "proxy_on_grpc_receive_initial_metadata";
        public static final String PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA = "proxy_on_grpc_receive_trailing_metadata";
        public static final String PROXY_ON_GRPC_RECEIVE = "proxy_on_grpc_receive";
        public static final String PROXY_ON_GRPC_CLOSE = "proxy_on_grpc_close";
        public static final String PROXY_ON_GRPC_CREATE_INITIAL_METADATA = "proxy_on_grpc_create_initial_metadata";
        public static final String PROXY_ON_QUEUE_READY = "proxy_on_queue_ready";
        public static final String PROXY_ON_FOREIGN_FUNCTION = "proxy_on_foreign_function";
        public static final String PROXY_ON_DONE = "proxy_on_done";
        public static final String PROXY_ON_LOG = "proxy_on_log";
        public static final String PROXY_ON_DELETE = "proxy_on_delete";
    }

    private static final Map<String, GuestExport> BY_NAME = new HashMap<>();

    static {
        for (GuestExport e : values()) {
            BY_NAME.put(e.abiName, e);
        }
    }

    private final String abiName;
    private final Signature signature;
    private final List<Parameter> parameters;

    GuestExport(String abiName, String signature, String... parameters) {
        this.abiName = abiName;
        this.signature = Signature.parse(signature);
        this.parameters = Parameter.of(abiName, this.signature, parameters);
    }

    /** The export's name, e.g. {@code proxy_on_request_headers}. */
    public String abiName() {
        return abiName;
    }

    public Signature signature() {
        return signature;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Whether the host expects an {@code i32} back. */
    public boolean returnsValue() {
        return !signature.results().isEmpty();
    }

    /** The export named {@code abiName}, or null if no host looks it up. */
    public static GuestExport byName(String abiName) {
        return BY_NAME.get(abiName);
    }
}
