package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Byte-oriented LZ77 whose decoder fits in about 150 bytes of WebAssembly ({@link DataCompressor}).
 *
 * <p>The stream is a list of sequences. Each starts with a token byte: its high four bits count the
 * literals that follow it, its low four bits are the match length minus {@value #MIN_MATCH}. A
 * nibble of 15 continues in the following bytes, each added to it, until one is not 255. After the
 * literals comes the match: its distance back from the output position as two bytes, low first,
 * then the length's continuation bytes. A match may overlap its own output. The last sequence has
 * only literals; the decoder knows the output's length and stops when it is reached.
 */
final class Lz77 {
    static final int MIN_MATCH = 4;
    static final int MAX_DISTANCE = 0xffff;
    private static final int HASH_BITS = 15;
    private static final int CHAIN = 256;

    private Lz77() {}

    static byte[] compress(byte[] data) {
        int n = data.length;
        int[] head = new int[1 << HASH_BITS];
        Arrays.fill(head, -1);
        int[] previous = new int[n];
        ByteArrayOutputStream out = new ByteArrayOutputStream(n / 2);
        int literalStart = 0;
        int inserted = 0;
        int i = 0;
        while (i < n) {
            for (; inserted < i; inserted++) {
                insert(data, inserted, head, previous);
            }
            long match = longest(data, i, head, previous);
            int length = (int) (match >>> 32);
            if (length < MIN_MATCH) {
                i++;
                continue;
            }
            // A longer match one byte on is worth a literal.
            insert(data, i, head, previous);
            inserted = i + 1;
            long next = longest(data, i + 1, head, previous);
            if ((int) (next >>> 32) > length + 1) {
                i++;
                continue;
            }
            sequence(out, data, literalStart, i - literalStart, length, (int) match);
            i += length;
            literalStart = i;
        }
        sequence(out, data, literalStart, n - literalStart, 0, 0);
        return out.toByteArray();
    }

    /**
     * Expands a stream in place, as the WebAssembly decoder does: the stream copied
     * {@link #inPlaceDistance} bytes past the output's start, in the same memory.
     */
    static byte[] decompress(byte[] stream, int length) {
        int source = inPlaceDistance(stream, length);
        byte[] memory = new byte[Math.max(length, source + stream.length)];
        System.arraycopy(stream, 0, memory, source, stream.length);
        int[] s = {source};
        int d = 0;
        while (true) {
            int token = memory[s[0]++] & 0xff;
            int literals = extend(memory, s, token >>> 4);
            System.arraycopy(memory, s[0], memory, d, literals);
            s[0] += literals;
            d += literals;
            if (d == length) {
                return Arrays.copyOf(memory, length);
            }
            int distance = (memory[s[0]] & 0xff) | (memory[s[0] + 1] & 0xff) << 8;
            s[0] += 2;
            int matchLength = extend(memory, s, token & 15) + MIN_MATCH;
            for (int k = 0; k < matchLength; k++, d++) {
                memory[d] = memory[d - distance];
            }
        }
    }

    /**
     * How far past the output's start the stream must begin for it to be expanded in place: each
     * write must land below the stream bytes not yet read. Zero runs expand early, so a stream that
     * simply ends where the output ends would be overwritten before it was read.
     */
    static int inPlaceDistance(byte[] stream, int length) {
        int distance = 0;
        int s = 0;
        int d = 0;
        while (true) {
            int token = stream[s++] & 0xff;
            int[] at = {s};
            int literals = extend(stream, at, token >>> 4);
            s = at[0];
            distance = Math.max(distance, d - s);
            s += literals;
            d += literals;
            if (d == length) {
                return distance;
            }
            at[0] = s + 2;
            int matchLength = extend(stream, at, token & 15) + MIN_MATCH;
            s = at[0];
            d += matchLength;
            distance = Math.max(distance, d - s);
        }
    }

    private static int extend(byte[] stream, int[] at, int nibble) {
        int value = nibble;
        if (nibble == 15) {
            int x;
            do {
                x = stream[at[0]++] & 0xff;
                value += x;
            } while (x == 255);
        }
        return value;
    }

    private static void sequence(ByteArrayOutputStream out, byte[] data, int from, int literals, int length, int distance) {
        int matchNibble = length == 0 ? 0 : Math.min(length - MIN_MATCH, 15);
        out.write(Math.min(literals, 15) << 4 | matchNibble);
        continuation(out, literals);
        out.write(data, from, literals);
        if (length == 0) {
            return;
        }
        out.write(distance & 0xff);
        out.write(distance >>> 8);
        continuation(out, length - MIN_MATCH);
    }

    private static void continuation(ByteArrayOutputStream out, int value) {
        if (value < 15) {
            return;
        }
        int rest = value - 15;
        while (rest >= 255) {
            out.write(255);
            rest -= 255;
        }
        out.write(rest);
    }

    private static int hash(byte[] data, int i) {
        int word = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
        return (word * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static void insert(byte[] data, int i, int[] head, int[] previous) {
        if (i + MIN_MATCH > data.length) {
            return;
        }
        int h = hash(data, i);
        previous[i] = head[h];
        head[h] = i;
    }

    /** The longest earlier match at {@code i}: length in the high half, distance in the low. */
    private static long longest(byte[] data, int i, int[] head, int[] previous) {
        if (i + MIN_MATCH > data.length) {
            return 0;
        }
        int best = 0;
        int distance = 0;
        int candidate = head[hash(data, i)];
        for (int tries = 0; candidate >= 0 && tries < CHAIN && i - candidate <= MAX_DISTANCE; tries++) {
            if (candidate < i) {
                int length = 0;
                while (i + length < data.length && data[candidate + length] == data[i + length]) {
                    length++;
                }
                if (length > best) {
                    best = length;
                    distance = i - candidate;
                }
            }
            candidate = previous[candidate];
        }
        return (long) best << 32 | distance;
    }
}
