package dev.proxywasm.teavm.memory;

import org.teavm.interop.Address;

/**
 * Text crossing to and from the host, as long as it is ASCII, several chars per load: header names
 * and values and log lines nearly always are, and TeaVM compiles the general UTF-8 loops with a
 * bounds check on each side of every char. Each returns how many it took; the caller's general loop
 * goes on from there.
 */
public final class Ascii {
    private Ascii() {}

    /**
     * Encodes the leading ASCII of {@code chars[0, n)} into {@code out} from {@code at}: four chars
     * per 8-byte load, one test and one 4-byte store, then the last few one at a time.
     */
    public static int narrow(char[] chars, int n, byte[] out, int at) {
        Address from = Address.ofData(chars);
        Address to = Address.ofData(out).add(at);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long four = from.add(i * 2).getLong();
            if ((four & 0xFF80FF80FF80FF80L) != 0) {
                break;
            }
            to.add(i).putInt((int) four & 0xFF | (int) (four >>> 8) & 0xFF00 | (int) (four >>> 16) & 0xFF0000
                    | (int) (four >>> 24) & 0xFF000000);
        }
        for (; i < n; i++) {
            char c = from.add(i * 2).getChar();
            if (c >= 0x80) {
                break;
            }
            to.add(i).putByte((byte) c);
        }
        return i;
    }

    /**
     * Widens the leading ASCII of {@code src[from, from + length)} into {@code dst} from 0: eight
     * bytes per load, one test and two 8-byte stores, then the last few one at a time.
     */
    public static int widen(byte[] src, int from, int length, char[] dst) {
        Address bytes = Address.ofData(src).add(from);
        Address chars = Address.ofData(dst);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long eight = bytes.add(i).getLong();
            if ((eight & 0x8080808080808080L) != 0) {
                break;
            }
            chars.add(i * 2).putLong(lanes(eight & 0xFFFFFFFFL));
            chars.add(i * 2 + 8).putLong(lanes(eight >>> 32));
        }
        for (; i < length; i++) {
            byte b = bytes.add(i).getByte();
            if (b < 0) {
                break;
            }
            chars.add(i * 2).putChar((char) b);
        }
        return i;
    }

    /** Four bytes in the low half, each moved to the low byte of its own 16-bit lane. */
    private static long lanes(long four) {
        return four & 0xFF | (four & 0xFF00) << 8 | (four & 0xFF0000) << 16 | (four & 0xFF000000L) << 24;
    }
}
