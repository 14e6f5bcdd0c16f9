package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.runtime.HostBinding;

/**
 * A body buffer of one stream or connection: the request or response body, the data from the
 * client or the upstream, or the arguments of a foreign function call. A handle bound to its
 * stream: every method is a host call on that stream, and once the stream has ended every method
 * throws {@link IllegalStateException}.
 *
 * <p>In a body callback the buffer holds everything buffered so far (the callback's {@code int}
 * parameter is its size), not only the latest chunk.
 */
public interface Body {
    /** The buffer's current length; 0 if the host has no such buffer. */
    int size();

    /** The whole buffer; empty if there is none. */
    byte[] bytes();

    /** Up to {@code length} bytes from {@code start}; fewer if the buffer is shorter. */
    byte[] bytes(int start, int length);

    /** The whole buffer decoded as UTF-8 (invalid sequences become U+FFFD). */
    String text();

    /** Replaces the whole buffer. */
    void set(byte[] data);

    /** Replaces the whole buffer with {@code text} in UTF-8. */
    void set(String text);

    /** Adds {@code data} at the end. */
    void append(byte[] data);

    /** Adds {@code text} in UTF-8 at the end. */
    void append(String text);

    /** Adds {@code data} at the start. */
    void prepend(byte[] data);

    /** Adds {@code text} in UTF-8 at the start. */
    void prepend(String text);
}
