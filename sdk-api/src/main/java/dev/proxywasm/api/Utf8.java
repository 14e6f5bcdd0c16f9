package dev.proxywasm.api;

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
     * The UTF-8 bytes of {@code s}. The string is read as a {@code char[]} ({@code getChars}, a bulk
     * copy under TeaVM): each {@code charAt} is a call with its own bounds check there, and this is
     * the hottest loop of a header-heavy plugin.
     */
    public static byte[] encode(String s) {
        int n = s.length();
        char[] chars = new char[n];
        s.getChars(0, n, chars, 0);
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
     * JDK's decoder does, so a plugin sees the same text on the JVM and in WebAssembly.
     */
    public static String decode(byte[] src, int offset, int length) {
        char[] dst = new char[length];
        int dp = 0;
        int sp = offset;
        int sl = offset + length;
        while (sp < sl) {
            int b1 = src[sp++];
            if (b1 >= 0) {
                dst[dp++] = (char) b1;
            } else if ((b1 >> 5) == -2 && (b1 & 0x1e) != 0) {
                if (sp < sl) {
                    int b2 = src[sp++];
                    if (notContinuation(b2)) {
                        dst[dp++] = REPLACEMENT;
                        sp--;
                    } else {
                        dst[dp++] = (char) (((b1 << 6) ^ b2) ^ (((byte) 0xC0 << 6) ^ ((byte) 0x80)));
                    }
                    continue;
                }
                dst[dp++] = REPLACEMENT;
                break;
            } else if ((b1 >> 4) == -2) {
                if (sp + 1 < sl) {
                    int b2 = src[sp++];
                    int b3 = src[sp++];
                    if (malformed3Start(b1, b2) || notContinuation(b3)) {
                        dst[dp++] = REPLACEMENT;
                        sp -= 2;
                        sp += malformed3Start(b1, b2) ? 0 : 1;
                    } else {
                        char c = (char) ((b1 & 0x0F) << 12 | (b2 & 0x3F) << 6 | b3 & 0x3F);
                        dst[dp++] = Character.isSurrogate(c) ? REPLACEMENT : c;
                    }
                    continue;
                }
                if (sp < sl && malformed3Start(b1, src[sp])) {
                    dst[dp++] = REPLACEMENT;
                    continue;
                }
                dst[dp++] = REPLACEMENT;
                break;
            } else if ((b1 >> 3) == -2) {
                if (sp + 2 < sl) {
                    int b2 = src[sp++];
                    int b3 = src[sp++];
                    int b4 = src[sp++];
                    int cp = (b1 & 0x07) << 18 | (b2 & 0x3F) << 12 | (b3 & 0x3F) << 6 | b4 & 0x3F;
                    if (notContinuation(b2) || notContinuation(b3) || notContinuation(b4)
                            || !Character.isSupplementaryCodePoint(cp)) {
                        dst[dp++] = REPLACEMENT;
                        sp -= 3;
                        sp += malformed4Length(b1 & 0xFF, b2 & 0xFF, b3) - 1;
                    } else {
                        dst[dp++] = Character.highSurrogate(cp);
                        dst[dp++] = Character.lowSurrogate(cp);
                    }
                    continue;
                }
                int lead = b1 & 0xFF;
                if (lead > 0xF4 || sp < sl && malformed4Second(lead, src[sp] & 0xFF)) {
                    dst[dp++] = REPLACEMENT;
                    continue;
                }
                sp++;
                dst[dp++] = REPLACEMENT;
                if (sp < sl && notContinuation(src[sp])) {
                    continue;
                }
                break;
            } else {
                dst[dp++] = REPLACEMENT;
            }
        }
        return dp == length ? Strings.adopt(dst) : new String(dst, 0, dp);
    }

    private static boolean notContinuation(int b) {
        return (b & 0xC0) != 0x80;
    }

    private static boolean malformed3Start(int b1, int b2) {
        return (b1 == (byte) 0xE0 && (b2 & 0xE0) == 0x80) || notContinuation(b2);
    }

    private static boolean malformed4Second(int b1, int b2) {
        return (b1 == 0xF0 && (b2 < 0x90 || b2 > 0xBF)) || (b1 == 0xF4 && (b2 & 0xF0) != 0x80) || notContinuation(b2);
    }

    /** How many bytes of a bad four-byte sequence one replacement character stands for. */
    private static int malformed4Length(int b1, int b2, int b3) {
        if (b1 > 0xF4 || malformed4Second(b1, b2)) {
            return 1;
        }
        return notContinuation(b3) ? 2 : 3;
    }
}
