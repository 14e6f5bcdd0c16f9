package dev.proxywasm.testing;

import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostCallException;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Envoy's attributes as {@code proxy_get_property} derives them from the exchange: the one place
 * the emulator and the development proxy compute them, so both agree with Envoy and each other.
 *
 * <p>Names, types and availability follow Envoy ({@code source/extensions/filters/common/expr/context.cc}
 * for {@code request}, {@code response}, {@code source}, {@code destination} and
 * {@code connection}; {@code source/extensions/common/wasm/context.cc} for the {@code plugin_*}
 * names, {@code connection_id}, the path walk and the encodings). A path is walked segment by
 * segment: a group such as {@code request} is looked up by field, a header map by header name
 * (lower-cased, every value joined with {@code ","}); anything else below a value is NotFound.
 * Values are encoded as Envoy serialises them: strings raw, integers and timestamps (nanoseconds
 * since the epoch) as 8 little-endian bytes, booleans as one byte, header maps as the ABI's
 * serialised pairs with one entry per name. A group itself cannot be serialised
 * ({@code SerializationFailure}), as in Envoy.
 *
 * <p>What the plugin stored with {@code proxy_set_property} is the stream's filter state
 * ({@link FilterState}): {@code filter_state.<key>} reads it, and a one-segment name that is none
 * of the above reads {@code wasm.<name>}, as {@code Context::findValue} does.
 *
 * <p>{@code request.*} exists once the request headers were delivered, {@code response.*} once
 * the response started (from upstream or a local reply), and neither, nor {@code source},
 * {@code destination} or {@code connection}, outside a stream (root context). The byte counts are
 * Envoy's approximations: {@code request.size} is the {@code content-length} when there is one,
 * else the request body bytes received so far; {@code response.size} the response body bytes so
 * far; the {@code total_size}s add the header bytes (names plus values).
 */
final class EnvoyAttributes {
    private EnvoyAttributes() {}

    /** A CEL value as Envoy's attribute tree holds it. */
    private sealed interface Value permits Text, Int, Bool, Headers, Group {}

    /** A string or bytes: serialised raw. */
    private record Text(byte[] bytes) implements Value {}

    /** An int64, uint64, timestamp or duration: 8 bytes, little-endian. */
    private record Int(long value) implements Value {}

    /** One byte, 0 or 1. */
    private record Bool(boolean value) implements Value {}

    /** A header map: serialised as pairs, indexed by header name. */
    private record Headers(HeaderMap map) implements Value {}

    /** One of Envoy's attribute wrappers: indexed by field name, not serialisable. */
    private record Group(Function<String, Value> field) implements Value {}

    /**
     * The attribute at {@code path} (NUL-separated segments) for {@code stream}, the stream whose
     * callback is running (null in the root context); null if Envoy would answer NotFound.
     *
     * @throws HostCallException with {@code SerializationFailure} for a group such as {@code request}
     */
    static byte[] get(EmulatedHost host, EmulatedHost.Stream stream, byte[] path) {
        List<String> segments = segments(path);
        if (segments.isEmpty()) {
            throw new HostCallException("proxy_get_property", WasmResult.SERIALIZATION_FAILURE);
        }
        Value value = top(host, stream, segments.get(0));
        for (int i = 1; i < segments.size() && value != null; i++) {
            String segment = segments.get(i);
            if (value instanceof Group group) {
                value = group.field().apply(segment);
            } else if (value instanceof Headers headers) {
                value = header(headers.map(), segment);
            } else {
                value = null;
            }
        }
        return value == null ? null : serialize(value);
    }

    /** Envoy's split: segments end at NUL; a trailing NUL adds no empty segment. */
    private static List<String> segments(byte[] path) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (start < path.length) {
            int end = start;
            while (end < path.length && path[end] != 0) {
                end++;
            }
            segments.add(new String(path, start, end - start, StandardCharsets.UTF_8));
            start = end + 1;
        }
        return segments;
    }

    private static Value top(EmulatedHost host, EmulatedHost.Stream stream, String name) {
        StreamInfo info = stream == null ? null : stream.info;
        return switch (name) {
            case "request" -> info == null || !info.requestHeadersReceived ? null
                    : new Group(field -> request(stream, field));
            case "response" -> info == null || !stream.responseStarted ? null
                    : new Group(field -> response(stream, field));
            case "source" -> info == null ? null : new Group(field -> peer(info.downstream.source(), field));
            case "destination" -> info == null ? null : new Group(field -> peer(info.downstream.destination(), field));
            case "connection" -> info == null ? null : new Group(field -> connection(info.downstream, field));
            case "connection_id" -> info == null ? null : new Int(info.downstream.id());
            case "plugin_name" -> text(host.pluginName);
            case "plugin_root_id" -> text(host.rootId);
            case "plugin_vm_id" -> text(host.vmId);
            case "filter_state" -> info == null ? null : new Group(key -> bytes(host.filterState.get(stream.id, key)));
            // Envoy's other attribute groups: never the plugin's own values, which the emulator does not derive.
            case "upstream", "metadata", "xds", "upstream_filter_state" -> null;
            default -> info == null ? null : bytes(host.filterState.get(stream.id, FilterState.PREFIX + name));
        };
    }

    /** A filter-state object as Envoy serialises a plugin's (bytes, raw), or null. */
    private static Value bytes(byte[] value) {
        return value == null ? null : new Text(value);
    }

    private static Value request(EmulatedHost.Stream stream, String field) {
        HeaderMap headers = stream.requestHeaders;
        return switch (field) {
            case "path" -> first(headers, ":path");
            case "url_path" -> new Text(urlPath(pathOf(headers)));
            case "query" -> new Text(query(pathOf(headers)));
            case "host" -> first(headers, ":authority");
            case "scheme" -> first(headers, ":scheme");
            case "method" -> first(headers, ":method");
            case "referer" -> first(headers, "referer");
            case "useragent" -> first(headers, "user-agent");
            case "id" -> first(headers, "x-request-id");
            case "headers" -> new Headers(headers);
            case "headers_bytes" -> new Int(byteSize(headers));
            case "time" -> new Int(stream.info.startTimeNanos);
            case "protocol" -> text(stream.info.protocol);
            case "size" -> requestSize(stream);
            case "total_size" -> new Int(stream.requestBody.received() + byteSize(headers));
            default -> null;
        };
    }

    private static Value response(EmulatedHost.Stream stream, String field) {
        StreamInfo info = stream.info;
        return switch (field) {
            case "code" -> info.responseCode < 0 ? null : new Int(info.responseCode);
            case "code_details" -> text(info.responseCodeDetails);
            case "headers" -> new Headers(stream.responseHeaders);
            case "headers_bytes" -> new Int(byteSize(stream.responseHeaders));
            case "trailers" -> new Headers(stream.responseTrailers);
            case "flags" -> new Int(0);
            case "grpc_status" -> grpcStatus(stream);
            case "size" -> new Int(stream.responseBody.received());
            case "total_size" -> new Int(stream.responseBody.received() + byteSize(stream.responseHeaders)
                    + byteSize(stream.responseTrailers));
            default -> null;
        };
    }

    private static Value peer(InetSocketAddress address, String field) {
        return switch (field) {
            case "address" -> text(format(address));
            case "port" -> new Int(address.getPort());
            default -> null;
        };
    }

    private static Value connection(Downstream downstream, String field) {
        return switch (field) {
            case "id" -> new Int(downstream.id());
            case "mtls" -> new Bool(downstream.mtls());
            case "requested_server_name" -> text("");
            default -> null;
        };
    }

    /** The {@code content-length} if there is one (NotFound if it is not a number), else the body bytes so far. */
    private static Value requestSize(EmulatedHost.Stream stream) {
        byte[] length = stream.requestHeaders.getBytes(bytes("content-length"));
        if (length == null) {
            return new Int(stream.requestBody.received());
        }
        try {
            return new Int(Long.parseLong(new String(length, StandardCharsets.UTF_8).strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Envoy's order: {@code grpc-status} in the trailers, then in the headers, then the HTTP status
     * mapped to a gRPC code; -1 (Envoy's InvalidCode) for a value that is not a known code.
     */
    private static Value grpcStatus(EmulatedHost.Stream stream) {
        for (HeaderMap map : List.of(stream.responseTrailers, stream.responseHeaders)) {
            byte[] value = map.getBytes(bytes("grpc-status"));
            if (value != null && value.length > 0) {
                long code;
                try {
                    code = Long.parseLong(new String(value, StandardCharsets.UTF_8).strip());
                } catch (NumberFormatException e) {
                    code = -1;
                }
                return new Int(code < 0 || code > 16 ? -1 : code);
            }
        }
        int http = stream.info.responseCode;
        if (http < 0) {
            return null;
        }
        return new Int(switch (http) {
            case 400 -> 13;
            case 401 -> 16;
            case 403 -> 7;
            case 404 -> 12;
            case 429, 502, 503, 504 -> 14;
            default -> 2;
        });
    }

    /** A header map's entry: Envoy validates and lower-cases the name and joins every value with ",". */
    private static Value header(HeaderMap map, String name) {
        if (!validHeaderName(name)) {
            return null;
        }
        byte[] key = bytes(name.toLowerCase(java.util.Locale.ROOT));
        ByteArrayOutputStream joined = null;
        List<byte[]> pairs = map.rawPairs();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (Arrays.equals(pairs.get(i), key)) {
                if (joined == null) {
                    joined = new ByteArrayOutputStream();
                } else {
                    joined.write(',');
                }
                joined.writeBytes(pairs.get(i + 1));
            }
        }
        return joined == null ? null : new Text(joined.toByteArray());
    }

    /** A token (RFC 9110), optionally after the {@code :} of a pseudo-header. */
    private static boolean validHeaderName(String name) {
        int start = name.startsWith(":") ? 1 : 0;
        if (name.length() <= start) {
            return false;
        }
        for (int i = start; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** The first value only, as Envoy's {@code request.path} and friends read a header. */
    private static Value first(HeaderMap map, String name) {
        byte[] value = map.getBytes(bytes(name));
        return value == null ? null : new Text(value);
    }

    private static byte[] pathOf(HeaderMap headers) {
        byte[] path = headers.getBytes(bytes(":path"));
        return path == null ? new byte[0] : path;
    }

    private static byte[] urlPath(byte[] path) {
        int query = indexOf(path, '?', 0);
        return query < 0 ? path : Arrays.copyOf(path, query);
    }

    /** After the {@code ?}, up to a {@code #}; empty without a query. */
    private static byte[] query(byte[] path) {
        int query = indexOf(path, '?', 0);
        if (query < 0) {
            return new byte[0];
        }
        int fragment = indexOf(path, '#', query + 1);
        return Arrays.copyOfRange(path, query + 1, fragment < 0 ? path.length : fragment);
    }

    private static int indexOf(byte[] bytes, char c, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Envoy's {@code byteSize()} of a header map: the bytes of every name and value. */
    private static long byteSize(HeaderMap map) {
        long size = 0;
        for (byte[] part : map.rawPairs()) {
            size += part.length;
        }
        return size;
    }

    private static byte[] serialize(Value value) {
        if (value instanceof Text text) {
            return text.bytes().clone();
        }
        if (value instanceof Int number) {
            return littleEndian(number.value());
        }
        if (value instanceof Bool bool) {
            return new byte[] {(byte) (bool.value() ? 1 : 0)};
        }
        if (value instanceof Headers headers) {
            return pairs(headers.map());
        }
        throw new HostCallException("proxy_get_property", WasmResult.SERIALIZATION_FAILURE);
    }

    /** A header map as Envoy serialises a CEL map: one entry per name, its values joined by ",". */
    private static byte[] pairs(HeaderMap map) {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        List<byte[]> raw = map.rawPairs();
        for (int i = 0; i < raw.size(); i += 2) {
            String name = new String(raw.get(i), StandardCharsets.ISO_8859_1);
            byte[] value = raw.get(i + 1);
            byName.merge(name, value, (a, b) -> {
                byte[] joined = Arrays.copyOf(a, a.length + 1 + b.length);
                joined[a.length] = ',';
                System.arraycopy(b, 0, joined, a.length + 1, b.length);
                return joined;
            });
        }
        List<byte[]> parts = new ArrayList<>(byName.size() * 2);
        byName.forEach((name, value) -> {
            parts.add(name.getBytes(StandardCharsets.ISO_8859_1));
            parts.add(value);
        });
        return HeaderPairs.encodeBytes(parts);
    }

    static byte[] littleEndian(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    private static Value text(String s) {
        return s == null ? null : new Text(bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An address as Envoy prints it: {@code 10.0.0.1:80}, {@code [2001:db8::1]:443} (IPv6 in
     * {@code inet_ntop}'s compressed form, in brackets).
     */
    static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress() + ":" + address.getPort();
        }
        if (ip instanceof Inet6Address) {
            return "[" + ipv6(ip.getAddress()) + "]:" + address.getPort();
        }
        return address.getHostString() + ":" + address.getPort();
    }

    /** glibc's {@code inet_ntop} for IPv6: the longest run of two or more zero groups becomes {@code ::}. */
    static String ipv6(byte[] bytes) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        int bestBase = -1;
        int bestLength = 0;
        int base = -1;
        for (int i = 0; i <= 8; i++) {
            if (i < 8 && words[i] == 0) {
                if (base < 0) {
                    base = i;
                }
            } else if (base >= 0) {
                if (i - base > bestLength) {
                    bestBase = base;
                    bestLength = i - base;
                }
                base = -1;
            }
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLength == 6 || bestLength == 5 && words[5] == 0xFFFF)) {
                out.append(bytes[12] & 0xFF).append('.').append(bytes[13] & 0xFF).append('.')
                        .append(bytes[14] & 0xFF).append('.').append(bytes[15] & 0xFF);
                return out.toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            out.append(':');
        }
        return out.toString();
    }
}
