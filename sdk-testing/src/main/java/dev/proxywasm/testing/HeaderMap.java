package dev.proxywasm.testing;

import dev.proxywasm.api.Header;
import dev.proxywasm.api.Utf8;
import dev.proxywasm.runtime.HeaderPairs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A header map with Envoy's semantics: names are lower-cased, {@link #get} returns the first
 * value, {@link #replace} changes the first occurrence (or appends), {@link #remove} removes all.
 * Entries are bytes, as on the wire, so a test can hand the plugin invalid UTF-8; the String
 * methods encode and decode as the SDK does.
 */
public final class HeaderMap {
    private record Entry(byte[] name, byte[] value) {}

    private final List<Entry> entries = new ArrayList<>();

    /** An empty map. */
    public HeaderMap() {}

    /** A map holding {@code headers}, names lower-cased. */
    public static HeaderMap of(List<Header> headers) {
        HeaderMap map = new HeaderMap();
        headers.forEach(h -> map.add(h.name(), h.value()));
        return map;
    }

    /** The first value of {@code name}, or {@code null}. */
    public String get(String name) {
        byte[] value = getBytes(Utf8.encode(name));
        return value == null ? null : Utf8.decode(value);
    }

    /** Appends a value. */
    public void add(String name, String value) {
        addBytes(Utf8.encode(name), Utf8.encode(value));
    }

    /** Sets the first occurrence of {@code name}, or appends it. */
    public void replace(String name, String value) {
        replaceBytes(Utf8.encode(name), Utf8.encode(value));
    }

    /** Removes every occurrence of {@code name}. */
    public void remove(String name) {
        removeBytes(Utf8.encode(name));
    }

    /** Replaces the whole content. */
    public void setAll(List<Header> pairs) {
        entries.clear();
        pairs.forEach(h -> add(h.name(), h.value()));
    }

    /** A copy of the pairs, in order, decoded as the SDK decodes them. */
    public List<Header> pairs() {
        List<Header> headers = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            headers.add(new Header(Utf8.decode(e.name()), Utf8.decode(e.value())));
        }
        return headers;
    }

    /** The number of pairs. */
    public int size() {
        return entries.size();
    }

    byte[] getBytes(byte[] name) {
        byte[] key = lowerCase(name);
        for (Entry e : entries) {
            if (Arrays.equals(e.name(), key)) {
                return e.value().clone();
            }
        }
        return null;
    }

    void addBytes(byte[] name, byte[] value) {
        entries.add(new Entry(lowerCase(name), value.clone()));
    }

    void replaceBytes(byte[] name, byte[] value) {
        byte[] key = lowerCase(name);
        for (int i = 0; i < entries.size(); i++) {
            if (Arrays.equals(entries.get(i).name(), key)) {
                entries.set(i, new Entry(key, value.clone()));
                return;
            }
        }
        entries.add(new Entry(key, value.clone()));
    }

    void removeBytes(byte[] name) {
        byte[] key = lowerCase(name);
        entries.removeIf(e -> Arrays.equals(e.name(), key));
    }

    /** Names and values as stored (not copies): name, value, name, value, ... */
    List<byte[]> rawPairs() {
        List<byte[]> parts = new ArrayList<>(entries.size() * 2);
        for (Entry e : entries) {
            parts.add(e.name());
            parts.add(e.value());
        }
        return parts;
    }

    /** The ABI's serialised pairs. */
    byte[] serialize() {
        return HeaderPairs.encodeBytes(rawPairs());
    }

    /** Replaces the content with serialised pairs, byte for byte. */
    void setSerialized(byte[] data) {
        entries.clear();
        List<byte[]> parts = HeaderPairs.decodeBytes(data);
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            addBytes(parts.get(i), parts.get(i + 1));
        }
    }

    private static byte[] lowerCase(byte[] name) {
        byte[] lower = name.clone();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] >= 'A' && lower[i] <= 'Z') {
                lower[i] += 'a' - 'A';
            }
        }
        return lower;
    }

    @Override
    public String toString() {
        return pairs().toString();
    }
}
