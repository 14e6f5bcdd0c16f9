package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.runtime.HostBinding;

/**
 * A body buffer of the current stream (request or response body, downstream or upstream data, an
 * HTTP call's response body). A view: every method is a host call.
 *
 * <p>In a body callback the buffer holds everything buffered so far (the callback's {@code int}
 * parameter is its size), not only the latest chunk.
 */
public final class Body {
    private static final Body[] BY_TYPE = new Body[BufferType.values().length];
    private static final byte[] EMPTY = new byte[0];

    static {
        for (BufferType type : BufferType.values()) {
            BY_TYPE[type.code()] = new Body(type);
        }
    }

    private final BufferType type;

    private Body(BufferType type) {
        this.type = type;
    }

    /** The view of {@code type}. */
    public static Body of(BufferType type) {
        return BY_TYPE[type.code()];
    }

    /** Which buffer this view reads and writes. */
    public BufferType type() {
        return type;
    }

    /** The buffer's current length; 0 if the host has no such buffer. */
    public int size() {
        return Math.max(0, HostBinding.host().getBufferSize(type.code()));
    }

    /** Up to {@code length} bytes from {@code start}; fewer if the buffer is shorter. */
    public byte[] read(int start, int length) {
        if (length <= 0) {
            return EMPTY;
        }
        byte[] bytes = HostBinding.host().getBufferBytes(type.code(), start, length);
        return bytes == null ? EMPTY : bytes;
    }

    /** The whole buffer. */
    public byte[] readAll() {
        return read(0, size());
    }

    /** The whole buffer decoded as UTF-8 (invalid sequences become U+FFFD). */
    public String text() {
        return Utf8.decode(readAll());
    }

    /** Replaces the whole buffer. */
    public void replace(byte[] data) {
        HostBinding.host().setBufferBytes(type.code(), 0, Integer.MAX_VALUE, data);
    }

    /** Replaces the whole buffer with {@code text} in UTF-8. */
    public void replace(String text) {
        replace(Utf8.encode(text));
    }

    /** Adds {@code data} at the end. */
    public void append(byte[] data) {
        HostBinding.host().setBufferBytes(type.code(), Integer.MAX_VALUE, 0, data);
    }

    /** Adds {@code text} in UTF-8 at the end. */
    public void append(String text) {
        append(Utf8.encode(text));
    }

    /** Adds {@code data} at the start. */
    public void prepend(byte[] data) {
        HostBinding.host().setBufferBytes(type.code(), 0, 0, data);
    }

    /** Adds {@code text} in UTF-8 at the start. */
    public void prepend(String text) {
        prepend(Utf8.encode(text));
    }
}
