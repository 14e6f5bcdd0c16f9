package dev.proxywasm.api;

import dev.proxywasm.spi.HostBinding;

/**
 * Envoy's attributes ({@code proxy_get_property}): request, response, connection, node and plugin
 * facts. A path is its segments, e.g. {@code get("request", "path")}.
 */
public final class Properties {
    private Properties() {}

    /** The raw value at {@code path}, or null. */
    public static byte[] get(String... path) {
        return HostBinding.host().getProperty(path(path));
    }

    /** The value at {@code path} as UTF-8 text, or null. */
    public static String getString(String... path) {
        byte[] value = get(path);
        return value == null ? null : Utf8.decode(value);
    }

    /** A numeric attribute (Envoy encodes them as 8 little-endian bytes), or -1. */
    public static long getLong(String... path) {
        byte[] value = get(path);
        if (value == null || value.length != 8) {
            return -1;
        }
        long result = 0;
        for (int i = 7; i >= 0; i--) {
            result = result << 8 | (value[i] & 0xFF);
        }
        return result;
    }

    /** Sets a property (a plugin may set its own, e.g. under {@code filter_state}). */
    public static void set(byte[] value, String... path) {
        HostBinding.host().setProperty(path(path), value);
    }

    public static String requestPath() {
        return getString("request", "path");
    }

    public static String requestMethod() {
        return getString("request", "method");
    }

    public static String requestHost() {
        return getString("request", "host");
    }

    /** A request header as Envoy's attributes see it (also outside the headers callback), or null. */
    public static String requestHeader(String name) {
        return getString("request", "headers", name);
    }

    /** A field of the proxy's node metadata (e.g. Istio's {@code WORKLOAD_NAME}), or null. */
    public static String nodeMetadata(String key) {
        return getString("node", "metadata", key);
    }

    /** The response status, or -1 before there is one. */
    public static long responseCode() {
        return getLong("response", "code");
    }

    public static String sourceAddress() {
        return getString("source", "address");
    }

    public static String destinationAddress() {
        return getString("destination", "address");
    }

    public static String pluginName() {
        return getString("plugin_name");
    }

    public static String pluginRootId() {
        return getString("plugin_root_id");
    }

    /** The serialised path: each segment followed by a NUL byte, the last one without. */
    private static byte[] path(String... segments) {
        return Utf8.encode(String.join("\0", segments));
    }
}
