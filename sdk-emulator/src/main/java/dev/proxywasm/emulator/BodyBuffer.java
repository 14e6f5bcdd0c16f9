package dev.proxywasm.emulator;

import java.util.Arrays;

/**
 * A byte buffer with the write semantics of Envoy's proxy-wasm buffers: writing at start 0 drains
 * {@code size} bytes and prepends the data; writing at or past the end appends; anything else is
 * refused.
 */
final class BodyBuffer {
    private byte[] data = new byte[0];
    private long received;

    int size() {
        return data.length;
    }

    byte[] bytes() {
        return data.clone();
    }

    /** Appends bytes that arrived from the peer; {@link #received()} counts them. */
    void append(byte[] more) {
        received += more.length;
        join(more);
    }

    /** Every byte ever {@link #append appended}, cleared or not: what a stream's peer sent so far. */
    long received() {
        return received;
    }

    private void join(byte[] more) {
        byte[] joined = Arrays.copyOf(data, data.length + more.length);
        System.arraycopy(more, 0, joined, data.length, more.length);
        data = joined;
    }

    void clear() {
        data = new byte[0];
    }

    /** Bytes {@code [start, start + length)}, clamped to the buffer. */
    byte[] read(int start, int length) {
        if (start < 0 || length < 0) {
            return null;
        }
        if (start >= data.length) {
            return new byte[0];
        }
        int end = (int) Math.min((long) start + length, data.length);
        return Arrays.copyOfRange(data, start, end);
    }

    /** Envoy's {@code Buffer::copyFrom}; false for a write in the middle. */
    boolean write(int start, int size, byte[] bytes) {
        if (start == 0) {
            int drained = size < 0 ? data.length : Math.min(size, data.length);
            byte[] rest = Arrays.copyOfRange(data, drained, data.length);
            data = new byte[0];
            join(bytes);
            join(rest);
            return true;
        }
        if (start >= data.length) {
            join(bytes);
            return true;
        }
        return false;
    }
}
