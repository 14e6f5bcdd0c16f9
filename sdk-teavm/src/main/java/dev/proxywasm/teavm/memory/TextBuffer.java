package dev.proxywasm.teavm.memory;

import dev.proxywasm.runtime.Strings;
import dev.proxywasm.runtime.Utf8Writer;

/**
 * One reused buffer for the text a host call passes (a log line, a header's name and value), so that
 * the commonest host calls allocate nothing. The VM runs one callback at a time and a host call
 * never runs guest code that passes text, so one buffer is enough.
 *
 * <p>The host reads the text before it calls the allocator (see {@link GuestMemory}), so a
 * collection that moves the buffer during the call is harmless. A buffer grown past
 * {@link #KEPT_BYTES} for one long text is dropped at the next call that fits in less, so one long
 * line does not hold its memory for the VM's life.
 */
public final class TextBuffer {
    /** The largest buffer kept between calls. */
    static final int KEPT_BYTES = 4096;
    private static byte[] bytes;

    private TextBuffer() {}

    /**
     * Encodes {@code text} into the buffer from index {@code at}, keeping the bytes before it; returns
     * the index after its last byte. Read {@link #bytes()} after the last {@code put} of a call: a put
     * may replace the buffer.
     */
    public static int put(int at, String text) {
        char[] chars = Strings.chars(text);
        int n = chars.length;
        int needed = at + Utf8Writer.MAX_BYTES_PER_CHAR * n;
        byte[] buffer = bytes;
        if (buffer == null || buffer.length < needed || at == 0 && buffer.length > KEPT_BYTES && needed <= KEPT_BYTES) {
            byte[] grown = new byte[Math.max(needed, 256)];
            if (buffer != null) {
                System.arraycopy(buffer, 0, grown, 0, at);
            }
            bytes = grown;
            buffer = grown;
        }
        int ascii = Ascii.narrow(chars, n, buffer, at);
        return ascii == n ? at + n : Utf8Writer.write(chars, ascii, n, buffer, at + ascii);
    }

    /** The buffer the last {@link #put} wrote into. */
    public static byte[] bytes() {
        return bytes;
    }
}
