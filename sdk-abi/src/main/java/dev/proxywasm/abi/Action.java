package dev.proxywasm.abi;

/**
 * What an HTTP or TCP callback returns ({@code proxy_action_t}). Envoy reads a pause by callback:
 * headers hold the body too (StopAllIterationAndWatermark), a body chunk is buffered
 * (StopIterationAndBuffer), trailers and TCP data stop iterating.
 */
public enum Action {
    CONTINUE(AbiCodes.ACTION_CONTINUE),
    PAUSE(AbiCodes.ACTION_PAUSE);

    private final int code;

    Action(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
