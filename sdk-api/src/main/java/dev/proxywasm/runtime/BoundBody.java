package dev.proxywasm.runtime;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.Utf8;

/** {@link Body} of one context's buffer, by the buffer's wire code. */
public final class BoundBody implements Body {
    private static final byte[] EMPTY = new byte[0];

    private final BoundContext context;
    private final int bufferType;

    BoundBody(BoundContext context, int bufferType) {
        this.context = context;
        this.bufferType = bufferType;
    }

    @Override
    public int size() {
        return Math.max(0, context.host().getBufferSize(bufferType));
    }

    @Override
    public byte[] bytes() {
        return bytes(0, size());
    }

    @Override
    public byte[] bytes(int start, int length) {
        if (length <= 0) {
            return EMPTY;
        }
        byte[] bytes = context.host().getBufferBytes(bufferType, start, length);
        return bytes == null ? EMPTY : bytes;
    }

    @Override
    public String text() {
        return Utf8.decode(bytes());
    }

    @Override
    public void set(byte[] data) {
        context.host().setBufferBytes(bufferType, 0, Integer.MAX_VALUE, data);
    }

    @Override
    public void set(String text) {
        set(Utf8.encode(text));
    }

    @Override
    public void append(byte[] data) {
        context.host().setBufferBytes(bufferType, Integer.MAX_VALUE, 0, data);
    }

    @Override
    public void append(String text) {
        append(Utf8.encode(text));
    }

    @Override
    public void prepend(byte[] data) {
        context.host().setBufferBytes(bufferType, 0, 0, data);
    }

    @Override
    public void prepend(String text) {
        prepend(Utf8.encode(text));
    }

    @Override
    public String toString() {
        return "buffer " + bufferType + " of " + context.describe();
    }
}
