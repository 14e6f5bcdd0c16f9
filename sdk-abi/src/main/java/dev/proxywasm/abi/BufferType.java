package dev.proxywasm.abi;

/** Which byte buffer a buffer host call addresses. */
public enum BufferType {
    HTTP_REQUEST_BODY(AbiCodes.BUFFER_HTTP_REQUEST_BODY),
    HTTP_RESPONSE_BODY(AbiCodes.BUFFER_HTTP_RESPONSE_BODY),
    DOWNSTREAM_DATA(AbiCodes.BUFFER_DOWNSTREAM_DATA),
    UPSTREAM_DATA(AbiCodes.BUFFER_UPSTREAM_DATA),
    HTTP_CALL_RESPONSE_BODY(AbiCodes.BUFFER_HTTP_CALL_RESPONSE_BODY),
    GRPC_RECEIVE_BUFFER(AbiCodes.BUFFER_GRPC_RECEIVE_BUFFER),
    VM_CONFIGURATION(AbiCodes.BUFFER_VM_CONFIGURATION),
    PLUGIN_CONFIGURATION(AbiCodes.BUFFER_PLUGIN_CONFIGURATION),
    FOREIGN_FUNCTION_ARGUMENTS(AbiCodes.BUFFER_FOREIGN_FUNCTION_ARGUMENTS);

    private final int code;

    BufferType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
