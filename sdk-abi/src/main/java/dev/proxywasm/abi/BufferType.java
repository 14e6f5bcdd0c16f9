package dev.proxywasm.abi;

/** Which byte buffer a buffer host call addresses. */
public enum BufferType {
    HTTP_REQUEST_BODY(0),
    HTTP_RESPONSE_BODY(1),
    DOWNSTREAM_DATA(2),
    UPSTREAM_DATA(3),
    HTTP_CALL_RESPONSE_BODY(4),
    GRPC_RECEIVE_BUFFER(5),
    VM_CONFIGURATION(6),
    PLUGIN_CONFIGURATION(7),
    FOREIGN_FUNCTION_ARGUMENTS(8);

    private final int code;

    BufferType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
