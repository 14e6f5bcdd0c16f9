package dev.proxywasm.testing;

import dev.proxywasm.api.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header map with Envoy's semantics: names are lower-cased, {@link #get} returns the first
 * value, {@link #replace} changes the first occurrence (or appends), {@link #remove} removes all.
 */
public final class HeaderMap {
    private final List<Header> headers = new ArrayList<>();

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
        String key = name.toLowerCase(Locale.ROOT);
        for (Header h : headers) {
            if (h.name().equals(key)) {
                return h.value();
            }
        }
        return null;
    }

    /** Appends a value. */
    public void add(String name, String value) {
        headers.add(new Header(name.toLowerCase(Locale.ROOT), value));
    }

    /** Sets the first occurrence of {@code name}, or appends it. */
    public void replace(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equals(key)) {
                headers.set(i, new Header(key, value));
                return;
            }
        }
        headers.add(new Header(key, value));
    }

    /** Removes every occurrence of {@code name}. */
    public void remove(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        headers.removeIf(h -> h.name().equals(key));
    }

    /** Replaces the whole content. */
    public void setAll(List<Header> pairs) {
        headers.clear();
        pairs.forEach(h -> add(h.name(), h.value()));
    }

    /** A copy of the pairs, in order. */
    public List<Header> pairs() {
        return List.copyOf(headers);
    }

    /** The number of pairs. */
    public int size() {
        return headers.size();
    }

    @Override
    public String toString() {
        return headers.toString();
    }
}
