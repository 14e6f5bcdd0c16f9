package dev.proxywasm.api;

/** What the host does after an HTTP or TCP callback returns. */
public enum Action {
    /** Pass the headers or data on to the next filter. */
    CONTINUE,
    /**
     * Hold the stream. In headers callbacks Envoy also holds the body (StopAllIterationAndWatermark);
     * in body callbacks it buffers the data until a later callback continues; resume from elsewhere
     * with {@link HttpStream#resumeRequest()} or {@link HttpStream#resumeResponse()}.
     */
    PAUSE
}
