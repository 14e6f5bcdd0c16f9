package dev.proxywasm.abi;

/** Which direction {@code proxy_continue_stream} and {@code proxy_close_stream} act on. */
public enum StreamType {
    REQUEST(AbiCodes.STREAM_REQUEST),
    RESPONSE(AbiCodes.STREAM_RESPONSE),
    DOWNSTREAM(AbiCodes.STREAM_DOWNSTREAM),
    UPSTREAM(AbiCodes.STREAM_UPSTREAM);

    private final int code;

    StreamType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
