package dev.proxywasm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code proxy_get_property} and {@code proxy_set_property} reach: properties a test
 * supplies, which shadow everything else; Envoy's attributes of the exchange
 * ({@link EnvoyAttributes}); and each stream's filter state, where the plugin's own values go
 * ({@link FilterState}).
 */
public final class Properties {
    private final PluginSettings settings;
    private final Map<String, byte[]> supplied = new HashMap<>();
    private final FilterState filterState = new FilterState();

    Properties(PluginSettings settings) {
        this.settings = settings;
    }

    /** Segments joined by NUL, the ABI's path form without a trailing NUL. */
    static String key(String... path) {
        return String.join("\0", path);
    }

    /** SDKs differ on a trailing NUL after the last segment; both name the same property. */
    private static String key(byte[] path) {
        String key = new String(path, StandardCharsets.UTF_8);
        return key.endsWith("\0") ? key.substring(0, key.length() - 1) : key;
    }

    /** A property for every context, which takes precedence over Envoy's attributes and the filter state. */
    public void supply(String value, String... path) {
        supplied.put(key(path), value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code proxy_get_property} in {@code stream} (null in the root context); null for NotFound. */
    byte[] get(Stream stream, byte[] path) {
        byte[] value = supplied.get(key(path));
        return value != null ? value.clone() : EnvoyAttributes.get(settings, filterState, stream, path);
    }

    /** {@code proxy_set_property}: into {@code stream}'s filter state; false (NotFound) without a stream. */
    boolean set(Stream stream, byte[] path, byte[] value) {
        if (stream == null) {
            return false;
        }
        filterState.set(stream.id, path, value);
        return true;
    }

    /**
     * The property at {@code path} as UTF-8, or null: a supplied one, else the value the plugin
     * last stored at exactly this path in any stream.
     */
    public String value(String... path) {
        byte[] value = supplied.get(key(path));
        if (value == null) {
            value = filterState.lastSet(key(path));
        }
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The object under {@code key} in stream {@code id}'s filter state as UTF-8, or null. */
    public String filterState(int id, String objectKey) {
        byte[] value = filterState.get(id, objectKey);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The stream ended: its filter state goes with it. */
    void streamEnded(int id) {
        filterState.delete(id);
    }
}
