package dev.proxywasm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code proxy_set_property} stores, as Envoy stores it ({@code Context::setProperty} in
 * {@code source/extensions/common/wasm/context.cc}): in the filter state of the stream (or TCP
 * connection) whose callback is running, under {@code wasm.} followed by the path exactly as the
 * plugin sent it (segments joined by NUL), as bytes. Outside a stream (plugin start, ticks, a
 * callout answered to the plugin itself) there is no filter state and the call returns
 * {@code NotFound}; each stream has its own, gone with the stream.
 *
 * <p>Reading back ({@code Context::findValue} and the {@code filter_state} attribute): a
 * one-segment path {@code name} that is not one of Envoy's attributes reads {@code wasm.name};
 * {@code filter_state.<key>} reads any key, e.g. {@code filter_state.wasm.name}. A value set at a
 * path of several segments is in the filter state (other filters and access logs see it under its
 * full key) but no property path reads it back: the first segment names the object, and bytes have
 * no fields.
 */
final class FilterState {
    /** Envoy's prefix for what a Wasm plugin stores ({@code CelStateKeyPrefix}). */
    static final String PREFIX = "wasm.";

    private final Map<Integer, Map<String, byte[]>> byStream = new HashMap<>();
    private final Map<String, byte[]> lastByPath = new HashMap<>();

    /** Stores {@code value} for {@code stream} under {@code wasm.<path>}. */
    void set(int stream, byte[] path, byte[] value) {
        String raw = new String(path, StandardCharsets.UTF_8);
        byStream.computeIfAbsent(stream, id -> new HashMap<>()).put(PREFIX + raw, value.clone());
        lastByPath.put(raw.endsWith("\0") ? raw.substring(0, raw.length() - 1) : raw, value.clone());
    }

    /** The object under {@code key} (e.g. {@code wasm.my_key}) in {@code stream}'s filter state, or null. */
    byte[] get(int stream, String key) {
        Map<String, byte[]> state = byStream.get(stream);
        byte[] value = state == null ? null : state.get(key);
        return value == null ? null : value.clone();
    }

    /** The value the plugin last set at {@code path} (NUL-joined, no trailing NUL) in any stream, or null. */
    byte[] lastSet(String path) {
        byte[] value = lastByPath.get(path);
        return value == null ? null : value.clone();
    }

    /** The stream ended: its filter state goes with it. */
    void delete(int stream) {
        byStream.remove(stream);
    }
}
