package dev.proxywasm.abi;

/** Which direction {@code proxy_continue_stream} and {@code proxy_close_stream} act on. */
public enum StreamType {
    REQUEST(0),
    RESPONSE(1),
    DOWNSTREAM(2),
    UPSTREAM(3);

    private final int code;

    StreamType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
