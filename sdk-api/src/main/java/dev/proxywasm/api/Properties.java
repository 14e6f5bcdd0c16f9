package dev.proxywasm.api;

import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import java.util.List;

/**
 * Envoy's attributes ({@code proxy_get_property}): request, response, connection, node and plugin
 * facts. A path is its segments, e.g. {@code get("request", "path")}. Envoy encodes strings raw
 * ({@link #get} decodes them as UTF-8, {@link #bytes} gives them as they are), integers and
 * timestamps as 8 little-endian bytes ({@link #number}), booleans as one byte ({@link #flag}) and
 * maps such as {@code request.headers} as serialised header pairs ({@link #pairs}).
 * {@code request.*} exists from the request headers on, {@code response.*} from the response
 * headers on; every read returns null for an attribute that does not exist (yet).
 */
public final class Properties {
    private Properties() {}

    /** The value at {@code path} as UTF-8 text, or null if absent. */
    public static String get(String... path) {
        byte[] value = bytes(path);
        return value == null ? null : Utf8.decode(value);
    }

    /** The value at {@code path} as the host encodes it, or null if absent. */
    public static byte[] bytes(String... path) {
        return HostBinding.host().getProperty(path(path));
    }

    /** A numeric attribute (Envoy encodes them as 8 little-endian bytes), or null if absent or not a number. */
    public static Long number(String... path) {
        byte[] value = bytes(path);
        if (value == null || value.length != 8) {
            return null;
        }
        long result = 0;
        for (int i = 7; i >= 0; i--) {
            result = result << 8 | (value[i] & 0xFF);
        }
        return result;
    }

    /** A boolean attribute (Envoy encodes them as one byte), or null if absent or not a boolean. */
    public static Boolean flag(String... path) {
        byte[] value = bytes(path);
        return value == null || value.length != 1 ? null : value[0] != 0;
    }

    /**
     * A map attribute such as {@code request.headers}, one entry per name (several values joined
     * with {@code ,}), in Envoy's order; null if absent, empty if the map is.
     */
    public static List<Header> pairs(String... path) {
        byte[] value = bytes(path);
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

    /** Stores {@code text} in UTF-8, as {@link #set(byte[], String...)}. */
    public static void set(String text, String... path) {
        set(Utf8.encode(text), path);
    }

    /** The request's {@code :path}, query included; null before the request headers. */
    public static String requestPath() {
        return get("request", "path");
    }

    /** The path without the query. */
    public static String requestUrlPath() {
        return get("request", "url_path");
    }

    /** The query, without the {@code ?}; empty if there is none. */
    public static String requestQuery() {
        return get("request", "query");
    }

    public static String requestMethod() {
        return get("request", "method");
    }

    /** The request's {@code :authority}. */
    public static String requestHost() {
        return get("request", "host");
    }

    public static String requestScheme() {
        return get("request", "scheme");
    }

    /** "HTTP/1.0", "HTTP/1.1", "HTTP/2" or "HTTP/3". */
    public static String requestProtocol() {
        return get("request", "protocol");
    }

    /** The {@code x-request-id} header, or null. */
    public static String requestId() {
        return get("request", "id");
    }

    /** When the request started, in nanoseconds since the epoch, or null. */
    public static Long requestTimeNanos() {
        return number("request", "time");
    }

    /**
     * A request header as Envoy's attributes see it (also outside the headers callback; several
     * values joined with {@code ,}), or null.
     */
    public static String requestHeader(String name) {
        return get("request", "headers", name);
    }

    /** A field of the proxy's node metadata (e.g. Istio's {@code WORKLOAD_NAME}), or null. */
    public static String nodeMetadata(String key) {
        return get("node", "metadata", key);
    }

    /** The response status, or null before there is one. */
    public static Integer responseCode() {
        return asInteger(number("response", "code"));
    }

    /** Why the response has its code: "via_upstream", or a local reply's details; null before a response. */
    public static String responseCodeDetails() {
        return get("response", "code_details");
    }

    /** The client's address as Envoy prints it: {@code 10.0.0.1:5000}, {@code [::1]:5000}. */
    public static String sourceAddress() {
        return get("source", "address");
    }

    /** The client's port, or null. */
    public static Integer sourcePort() {
        return asInteger(number("source", "port"));
    }

    /** The address the client connected to (the listener's), as Envoy prints it. */
    public static String destinationAddress() {
        return get("destination", "address");
    }

    /** The port the client connected to, or null. */
    public static Integer destinationPort() {
        return asInteger(number("destination", "port"));
    }

    /** The downstream connection's id (an unsigned 64-bit number), or null. */
    public static Long connectionId() {
        return number("connection", "id");
    }

    /**
     * Whether the client presented a certificate on a TLS connection; false also when Envoy does not
     * say (no connection).
     */
    public static boolean connectionMtls() {
        return Boolean.TRUE.equals(flag("connection", "mtls"));
    }

    public static String pluginName() {
        return get("plugin_name");
    }

    public static String pluginRootId() {
        return get("plugin_root_id");
    }

    public static String pluginVmId() {
        return get("plugin_vm_id");
    }

    /** {@code value} as an {@code Integer} (ports, status codes), or null. */
    private static Integer asInteger(Long value) {
        return value == null ? null : (int) value.longValue();
    }

    /** The serialised path: each segment followed by a NUL byte, the last one without. */
    private static byte[] path(String... segments) {
        return Utf8.encode(String.join("\0", segments));
    }
}
