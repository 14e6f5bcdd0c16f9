package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Byte-oriented LZ77 whose decoder fits in about 200 bytes of WebAssembly ({@link DataCompressor}).
 *
 * <p>The stream is a list of sequences. Each starts with a token byte {@code LLLNMMMM}: {@code LLL}
 * counts the literals that follow it, {@code MMMM} is the match length minus {@value #MIN_MATCH},
 * and {@code N} says the match's distance is one byte instead of two. A field of all ones continues
 * in the following bytes, each added to it, until one is not 255. After the literals come the
 * match's distance back from the output position (low byte first) and its length's continuation
 * bytes. A match may overlap its own output. The last sequence has only literals; the decoder knows
 * the output's length and stops when it is reached.
 *
 * <p>TeaVM's data is mostly matches (class records repeat at small strides, strings repeat), so a
 * sequence costs its token and distance: one-byte distances take a tenth off the stream.
 */
final class Lz77 {
    static final int MIN_MATCH = 4;
    static final int MAX_DISTANCE = 0xffff;
    static final int NEAR = 0x10;
    static final int LITERALS_FULL = 7;
    static final int MATCH_FULL = 15;
    private static final int HASH_BITS = 15;
    private static final int CHAIN = 256;
    /** Every prefix of a match up to this length is tried, and beyond it only the whole match. */
    private static final int SHORT_PREFIXES = 64;
    private static final int LONG_MATCH = 256;

    private Lz77() {}

    /**
     * The shortest stream the parse finds: at every position the longest earlier match and the
     * longest one at most 255 bytes back, then the cheapest path through literals and (prefixes of)
     * those matches.
     */
    static byte[] compress(byte[] data) {
        int n = data.length;
        Matches matches = Matches.of(data);
        int[] cost = new int[n + 1];
        int[] length = new int[n + 1]; // how the cheapest path reaches each position: 0 a literal
        int[] distance = new int[n + 1];
        Arrays.fill(cost, Integer.MAX_VALUE);
        cost[0] = 0;
        for (int i = 0; i < n; i++) {
            if (cost[i] + 1 < cost[i + 1]) {
                cost[i + 1] = cost[i] + 1;
                length[i + 1] = 0;
            }
            relax(cost, length, distance, i, matches.farLength[i], matches.farDistance[i]);
            relax(cost, length, distance, i, matches.nearLength[i], matches.nearDistance[i]);
        }
        int[] matchLength = new int[n];
        int[] matchDistance = new int[n];
        for (int position = n; position > 0; ) {
            if (length[position] == 0) {
                position--;
            } else {
                int m = length[position];
                matchDistance[position - m] = distance[position];
                position -= m;
                matchLength[position] = m;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n / 2);
        int literalStart = 0;
        int i = 0;
        while (i < n) {
            if (matchLength[i] == 0) {
                i++;
                continue;
            }
            sequence(out, data, literalStart, i - literalStart, matchLength[i], matchDistance[i]);
            i += matchLength[i];
            literalStart = i;
        }
        sequence(out, data, literalStart, n - literalStart, 0, 0);
        return out.toByteArray();
    }

    private static void relax(int[] cost, int[] length, int[] distance, int i, int longest, int back) {
        int distanceBytes = back < 256 ? 1 : 2;
        for (int m = MIN_MATCH; m <= longest; m = m < SHORT_PREFIXES || m == longest ? m + 1 : longest) {
            int c = cost[i] + 1 + distanceBytes + continuationBytes(m - MIN_MATCH, MATCH_FULL);
            if (c < cost[i + m]) {
                cost[i + m] = c;
                length[i + m] = m;
                distance[i + m] = back;
            }
        }
    }

    /**
     * Expands a stream in place, as the WebAssembly decoder does: the stream copied
     * {@link #inPlaceDistance} bytes past the output's start, in the same memory.
     */
    static byte[] decompress(byte[] stream, int length) {
        int source = inPlaceDistance(stream, length);
        byte[] memory = new byte[Math.max(length, source + stream.length)];
        System.arraycopy(stream, 0, memory, source, stream.length);
        int s = source;
        int d = 0;
        while (true) {
            Sequence q = Sequence.at(memory, s);
            System.arraycopy(memory, q.literalsAt, memory, d, q.literals);
            d += q.literals;
            if (d == length) {
                return Arrays.copyOf(memory, length);
            }
            for (int k = 0; k < q.matchLength; k++, d++) {
                memory[d] = memory[d - q.distance];
            }
            s = q.end;
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
            Sequence q = Sequence.at(stream, s);
            distance = Math.max(distance, d - q.literalsAt);
            d += q.literals;
            if (d == length) {
                return distance;
            }
            d += q.matchLength;
            distance = Math.max(distance, d - q.end);
            s = q.end;
        }
    }

    /** One sequence as the decoder reads it at {@code s}. */
    private record Sequence(int literals, int literalsAt, int distance, int matchLength, int end) {
        static Sequence at(byte[] b, int s) {
            int token = b[s] & 0xff;
            int[] at = {s + 1};
            int literals = extend(b, at, token >>> 5, LITERALS_FULL);
            int literalsAt = at[0];
            at[0] += literals;
            if (at[0] >= b.length) {
                return new Sequence(literals, literalsAt, 0, 0, at[0]);
            }
            int distance = b[at[0]++] & 0xff;
            if ((token & NEAR) == 0) {
                distance |= (b[at[0]++] & 0xff) << 8;
            }
            int matchLength = extend(b, at, token & MATCH_FULL, MATCH_FULL) + MIN_MATCH;
            return new Sequence(literals, literalsAt, distance, matchLength, at[0]);
        }
    }

    private static int extend(byte[] stream, int[] at, int field, int full) {
        int value = field;
        if (field == full) {
            int x;
            do {
                x = stream[at[0]++] & 0xff;
                value += x;
            } while (x == 255);
        }
        return value;
    }

    private static void sequence(ByteArrayOutputStream out, byte[] data, int from, int literals, int length, int distance) {
        int matchField = length == 0 ? 0 : Math.min(length - MIN_MATCH, MATCH_FULL);
        int near = length != 0 && distance < 256 ? NEAR : 0;
        out.write(Math.min(literals, LITERALS_FULL) << 5 | near | matchField);
        continuation(out, literals, LITERALS_FULL);
        out.write(data, from, literals);
        if (length == 0) {
            return;
        }
        out.write(distance & 0xff);
        if (near == 0) {
            out.write(distance >>> 8);
        }
        continuation(out, length - MIN_MATCH, MATCH_FULL);
    }

    private static int continuationBytes(int value, int full) {
        return value < full ? 0 : 1 + (value - full) / 255;
    }

    private static void continuation(ByteArrayOutputStream out, int value, int full) {
        if (value < full) {
            return;
        }
        int rest = value - full;
        while (rest >= 255) {
            out.write(255);
            rest -= 255;
        }
        out.write(rest);
    }

    /** At every position, the longest earlier match and the longest one at most 255 bytes back. */
    private static final class Matches {
        final int[] farLength;
        final int[] farDistance;
        final int[] nearLength;
        final int[] nearDistance;

        private Matches(int n) {
            farLength = new int[n];
            farDistance = new int[n];
            nearLength = new int[n];
            nearDistance = new int[n];
        }

        /** Inside a long match the rest of it stands for the following positions' (a run of zeros would otherwise be compared again from every byte). */
        static Matches of(byte[] data) {
            Matches m = new Matches(data.length);
            int[] head = new int[1 << HASH_BITS];
            Arrays.fill(head, -1);
            int[] previous = new int[data.length];
            for (int i = 0; i < data.length; i++) {
                if (i > 0 && m.farLength[i - 1] > LONG_MATCH) {
                    m.farLength[i] = m.farLength[i - 1] - 1;
                    m.farDistance[i] = m.farDistance[i - 1];
                    if (m.nearLength[i - 1] > MIN_MATCH) {
                        m.nearLength[i] = m.nearLength[i - 1] - 1;
                        m.nearDistance[i] = m.nearDistance[i - 1];
                    }
                } else {
                    m.search(data, i, head, previous);
                }
                insert(data, i, head, previous);
            }
            return m;
        }

        private void search(byte[] data, int i, int[] head, int[] previous) {
            if (i + MIN_MATCH > data.length) {
                return;
            }
            int candidate = head[hash(data, i)];
            for (int tries = 0; candidate >= 0 && tries < CHAIN && i - candidate <= MAX_DISTANCE; tries++) {
                int length = 0;
                while (i + length < data.length && data[candidate + length] == data[i + length]) {
                    length++;
                }
                int back = i - candidate;
                if (length > farLength[i]) {
                    farLength[i] = length;
                    farDistance[i] = back;
                }
                if (back < 256 && length > nearLength[i]) {
                    nearLength[i] = length;
                    nearDistance[i] = back;
                }
                candidate = previous[candidate];
            }
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
    }
}
