package dev.proxywasm.api;

import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import java.util.List;

/**
 * Envoy's attributes ({@code proxy_get_property}): request, response, connection, node and plugin
 * facts. A path is its segments, e.g. {@code get("request", "path")}. Envoy encodes strings raw,
 * integers and timestamps as 8 little-endian bytes ({@link #getLong}), booleans as one byte
 * ({@link #getBoolean}) and maps such as {@code request.headers} as serialised header pairs
 * ({@link #getPairs}). {@code request.*} exists from the request headers on, {@code response.*}
 * from the response headers on; an attribute that does not exist (yet) is null, or -1 for numbers.
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

    /** A boolean attribute (Envoy encodes them as one byte), false if absent. */
    public static boolean getBoolean(String... path) {
        byte[] value = get(path);
        return value != null && value.length == 1 && value[0] != 0;
    }

    /** A map attribute such as {@code request.headers}, one entry per name; null if absent. */
    public static List<Header> getPairs(String... path) {
        byte[] value = get(path);
        return value == null ? null : HeaderPairs.decode(value);
    }

    /**
     * Stores {@code value} as Envoy does ({@code proxy_set_property}): in the stream's filter state
     * under {@code wasm.} and the path, where access logs ({@code %FILTER_STATE(wasm.name)%}) and
     * later filters find it. The same stream reads a one-segment name back with {@code get(name)}
     * (unless Envoy has an attribute of that name) or {@code get("filter_state", "wasm.name")}; a
     * path of several segments is stored but no property path reads it back. Outside a stream
     * (plugin start, ticks) Envoy has no filter state and nothing is stored.
     */
    public static void set(byte[] value, String... path) {
        HostBinding.host().setProperty(path(path), value);
    }

    /** The request's {@code :path}, query included. */
    public static String requestPath() {
        return getString("request", "path");
    }

    /** The path without the query. */
    public static String requestUrlPath() {
        return getString("request", "url_path");
    }

    /** The query, without the {@code ?}; empty if there is none. */
    public static String requestQuery() {
        return getString("request", "query");
    }

    public static String requestMethod() {
        return getString("request", "method");
    }

    /** The request's {@code :authority}. */
    public static String requestHost() {
        return getString("request", "host");
    }

    public static String requestScheme() {
        return getString("request", "scheme");
    }

    /** "HTTP/1.0", "HTTP/1.1", "HTTP/2" or "HTTP/3". */
    public static String requestProtocol() {
        return getString("request", "protocol");
    }

    /** The {@code x-request-id} header, or null. */
    public static String requestId() {
        return getString("request", "id");
    }

    /** When the request started, in nanoseconds since the epoch, or -1. */
    public static long requestTimeNanos() {
        return getLong("request", "time");
    }

    /**
     * A request header as Envoy's attributes see it (also outside the headers callback; several
     * values joined with {@code ,}), or null.
     */
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

    /** Why the response has its code: "via_upstream", or a local reply's details; null before a response. */
    public static String responseCodeDetails() {
        return getString("response", "code_details");
    }

    /** The client's address as Envoy prints it: {@code 10.0.0.1:5000}, {@code [::1]:5000}. */
    public static String sourceAddress() {
        return getString("source", "address");
    }

    /** The client's port, or -1. */
    public static long sourcePort() {
        return getLong("source", "port");
    }

    /** The address the client connected to (the listener's), as Envoy prints it. */
    public static String destinationAddress() {
        return getString("destination", "address");
    }

    /** The port the client connected to, or -1. */
    public static long destinationPort() {
        return getLong("destination", "port");
    }

    /** The downstream connection's id (an unsigned 64-bit number), or -1. */
    public static long connectionId() {
        return getLong("connection", "id");
    }

    /** Whether the client presented a certificate on a TLS connection. */
    public static boolean connectionMtls() {
        return getBoolean("connection", "mtls");
    }

    public static String pluginName() {
        return getString("plugin_name");
    }

    public static String pluginRootId() {
        return getString("plugin_root_id");
    }

    public static String pluginVmId() {
        return getString("plugin_vm_id");
    }

    /** The serialised path: each segment followed by a NUL byte, the last one without. */
    private static byte[] path(String... segments) {
        return Utf8.encode(String.join("\0", segments));
    }
}
