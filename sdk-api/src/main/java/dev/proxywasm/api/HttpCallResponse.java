package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;

/**
 * The answer to an {@link HttpCall}, readable inside its callback. A call that failed (Envoy reset
 * it after the answer had started, or the answer exceeded its buffer) arrives without headers,
 * body or trailers: {@link #failed()} is true, {@link #status()} null, {@link #headers()} and
 * {@link #trailers()} are empty and {@link #bytes()} is empty, without asking the host, which has
 * none to give.
 */
public interface HttpCallResponse {
    /** The token {@link HttpCall#dispatch} returned. */
    int token();

    /**
     * Whether the call failed: Envoy delivers a reset or an oversized answer without headers. An
     * upstream that cannot be reached or does not answer in time is not a failure in Envoy: its
     * router answers 503 or 504 itself.
     */
    boolean failed();

    /**
     * The {@code :status}, or null if absent: the call failed, or the answer has no numeric status.
     * Check {@link #failed()} first, or compare with {@code Integer.valueOf(200).equals(status())}.
     */
    Integer status();

    /** The response headers; empty if the call failed. */
    Headers headers();

    /**
     * The response trailers; empty if there are none (Envoy then has no trailer map, and would
     * refuse to read one).
     */
    Headers trailers();

    /** How many trailers came. */
    int trailerCount();

    /** The whole body; empty if there is none or the call failed. */
    byte[] bytes();

    /** The body as UTF-8 text; empty if there is none or the call failed. */
    String text();
}
