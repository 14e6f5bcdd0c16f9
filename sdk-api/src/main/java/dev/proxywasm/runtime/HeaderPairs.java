package dev.proxywasm.runtime;

import dev.proxywasm.api.Header;
import dev.proxywasm.api.Utf8;
import java.util.ArrayList;
import java.util.List;

/**
 * The ABI's serialised header map: a little-endian u32 count, a (key length, value length) u32 pair
 * per entry, then every key and value each followed by a NUL byte.
 */
public final class HeaderPairs {
    private static final byte[] EMPTY = {0, 0, 0, 0};

    private HeaderPairs() {}

    /** Serialises {@code headers}, names and values as UTF-8. */
    public static byte[] encode(List<Header> headers) {
        if (headers.isEmpty()) {
            return EMPTY.clone();
        }
        List<byte[]> parts = new ArrayList<>(headers.size() * 2);
        for (Header h : headers) {
            parts.add(Utf8.encode(h.name()));
            parts.add(Utf8.encode(h.value()));
        }
        return encodeBytes(parts);
    }

    /**
     * Parses serialised pairs; {@code null} or empty input is an empty list. Invalid UTF-8 becomes
     * U+FFFD. Throws {@link IllegalArgumentException} if the lengths run past the data.
     */
    public static List<Header> decode(byte[] data) {
        int[] spans = spans(data);
        List<Header> headers = new ArrayList<>(spans.length / 4);
        for (int i = 0; i < spans.length; i += 4) {
            String name = Utf8.decode(data, spans[i], spans[i + 1]);
            headers.add(new Header(name, Utf8.decode(data, spans[i + 2], spans[i + 3])));
        }
        return headers;
    }

    /** Serialises raw pairs given as name, value, name, value, ... */
    public static byte[] encodeBytes(List<byte[]> namesAndValues) {
        int n = namesAndValues.size() / 2;
        int size = 4 + 8 * n;
        for (byte[] part : namesAndValues) {
            size += part.length + 1;
        }
        byte[] out = new byte[size];
        putInt(out, 0, n);
        int pos = 4 + 8 * n;
        for (int i = 0; i < 2 * n; i++) {
            byte[] part = namesAndValues.get(i);
            putInt(out, 4 + 4 * i, part.length);
            System.arraycopy(part, 0, out, pos, part.length);
            pos += part.length + 1;
        }
        return out;
    }

    /** Parses serialised pairs into raw name, value, name, value, ... byte for byte. */
    public static List<byte[]> decodeBytes(byte[] data) {
        int[] spans = spans(data);
        List<byte[]> parts = new ArrayList<>(spans.length / 2);
        for (int i = 0; i < spans.length; i += 2) {
            parts.add(slice(data, spans[i], spans[i + 1]));
        }
        return parts;
    }

    /**
     * Where each name and value lies in {@code data}: offset and length, name then value, pair after
     * pair. Decoding from these, instead of from a copy of each, saves two arrays per header.
     */
    private static int[] spans(byte[] data) {
        if (data == null || data.length < 4) {
            return new int[0];
        }
        int n = getInt(data, 0);
        if (n < 0 || n > (data.length - 4) / 8) {
            throw new IllegalArgumentException("header map claims " + n + " pairs in " + data.length + " bytes");
        }
        int[] spans = new int[4 * n];
        int pos = 4 + 8 * n;
        for (int i = 0; i < n; i++) {
            int keyLength = getInt(data, 4 + 8 * i);
            int valueLength = getInt(data, 8 + 8 * i);
            if (keyLength < 0 || valueLength < 0 || (long) pos + keyLength + valueLength + 2 > data.length) {
                throw new IllegalArgumentException("header map pair " + i + " runs past the data");
            }
            spans[4 * i] = pos;
            spans[4 * i + 1] = keyLength;
            pos += keyLength + 1;
            spans[4 * i + 2] = pos;
            spans[4 * i + 3] = valueLength;
            pos += valueLength + 1;
        }
        return spans;
    }

    private static byte[] slice(byte[] data, int from, int length) {
        byte[] part = new byte[length];
        System.arraycopy(data, from, part, 0, length);
        return part;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
