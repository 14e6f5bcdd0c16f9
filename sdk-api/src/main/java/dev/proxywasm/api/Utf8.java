package dev.proxywasm.api;

import dev.proxywasm.runtime.Platform;
import dev.proxywasm.runtime.Strings;
import dev.proxywasm.runtime.Utf8Writer;

/**
 * UTF-8 without {@code java.nio.charset}: the same results as {@code new String(bytes, UTF_8)} and
 * {@code s.getBytes(UTF_8)} (each maximal invalid subsequence becomes U+FFFD; a lone surrogate
 * becomes {@code ?}), at a fraction of the module size the charset machinery costs under TeaVM.
 */
public final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {}

    /**
     * The UTF-8 bytes of {@code s}. The string is read as a {@code char[]} ({@link Strings#chars}, the
     * string's own array under TeaVM): each {@code charAt} is a call with its own bounds check there,
     * and this is the hottest loop of a header-heavy plugin.
     */
    public static byte[] encode(String s) {
        int n = s.length();
        char[] chars = Strings.chars(s);
        byte[] out = new byte[Utf8Writer.length(chars, n)];
        Utf8Writer.write(chars, n, out, 0);
        return out;
    }

    /** All of {@code bytes} decoded. */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * {@code length} bytes from {@code offset} decoded. Malformed input is replaced exactly as the
     * JDK's decoder does, so a plugin sees the same text on the JVM and in WebAssembly: one U+FFFD
     * for the longest well-formed start of a sequence (at least its first byte), and one for a
     * whole three-byte sequence that encodes a surrogate. One loop reads every sequence length, which
     * keeps the module smaller than a branch per length.
     */
    public static String decode(byte[] src, int offset, int length) {
        char[] dst = new char[length];
        int dp = Platform.widenAscii(src, offset, length, dst);
        int sp = offset + dp;
        int end = offset + length;
        while (sp < end) {
            int lead = src[sp] & 0xFF;
            if (lead < 0x80) {
                dst[dp++] = (char) lead;
                sp++;
                continue;
            }
            int size = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            int codePoint = lead & (0x7F >> size);
            int valid = 1;
            while (valid < size && sp + valid < end) {
                int next = src[sp + valid] & 0xFF;
                // The second byte's range rules out overlong forms and values above U+10FFFF.
                int min = valid == 1 && lead == 0xE0 ? 0xA0 : valid == 1 && lead == 0xF0 ? 0x90 : 0x80;
                int max = valid == 1 && lead == 0xF4 ? 0x8F : 0xBF;
                if (next < min || next > max) {
                    break;
                }
                codePoint = codePoint << 6 | next & 0x3F;
                valid++;
            }
            if (valid < size || size == 0) {
                dst[dp++] = REPLACEMENT;
                sp += valid;
                continue;
            }
            sp += size;
            if (codePoint >= 0x10000) {
                dst[dp++] = Character.highSurrogate(codePoint);
                dst[dp++] = Character.lowSurrogate(codePoint);
            } else {
                dst[dp++] = Character.isSurrogate((char) codePoint) ? REPLACEMENT : (char) codePoint;
            }
        }
        return dp == length ? Strings.adopt(dst) : new String(dst, 0, dp);
    }
}
