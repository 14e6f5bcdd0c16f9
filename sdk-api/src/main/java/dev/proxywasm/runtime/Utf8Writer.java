package dev.proxywasm.runtime;

/**
 * The UTF-8 encoding rules of {@link dev.proxywasm.api.Utf8#encode}, over a {@code char[]}: shared
 * by that method, which sizes its array exactly, and by a backend that encodes host-call text into a
 * buffer it reuses, so that both write the same bytes (a surrogate pair becomes four bytes, a lone
 * surrogate {@code ?}, as {@code String.getBytes(UTF_8)} does).
 */
public final class Utf8Writer {
    /** The most bytes one {@code char} can take: {@code write} needs {@code at + MAX_BYTES_PER_CHAR * n}. */
    public static final int MAX_BYTES_PER_CHAR = 3;

    private Utf8Writer() {}

    /** How many bytes the first {@code n} chars encode to. */
    public static int length(char[] chars, int n) {
        int size = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c < 0x80) {
                size++;
            } else if (c < 0x800) {
                size += 2;
            } else if (isPair(chars, n, i)) {
                size += 4;
                i++;
            } else {
                size += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return size;
    }

    /**
     * Encodes the first {@code n} chars into {@code out} from index {@code at}; returns the index after
     * the last byte written. {@code out} must have room for {@link #length} bytes from {@code at}.
     */
    public static int write(char[] chars, int n, byte[] out, int at) {
        return write(chars, 0, n, out, at);
    }

    /** {@link #write(char[], int, byte[], int)} of the chars from index {@code from} up to {@code n}. */
    public static int write(char[] chars, int from, int n, byte[] out, int at) {
        int p = at;
        for (int i = from; i < n; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (isPair(chars, n, i)) {
                int cp = Character.toCodePoint(c, chars[++i]);
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[p++] = '?';
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    private static boolean isPair(char[] chars, int n, int i) {
        return Character.isHighSurrogate(chars[i]) && i + 1 < n && Character.isLowSurrogate(chars[i + 1]);
    }
}
