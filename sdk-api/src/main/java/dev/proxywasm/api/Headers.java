package dev.proxywasm.api;

import dev.proxywasm.abi.MapType;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import java.util.List;

/**
 * One header map of the current stream: request or response headers or trailers, gRPC metadata,
 * or an HTTP call's response headers. A view: every method is a host call, nothing is cached.
 *
 * <p>Envoy lets a map be read and written only inside its own callback (or while that direction is
 * paused); copy what later callbacks need into the stream's state. Names are lower-case in Envoy;
 * {@link #replace} changes the first occurrence or appends, {@link #remove} removes every one.
 */
public final class Headers {
    private static final Headers[] BY_TYPE = new Headers[MapType.values().length];
    private static final Headers[] ABSENT_BY_TYPE = new Headers[MapType.values().length];

    static {
        for (MapType type : MapType.values()) {
            BY_TYPE[type.code()] = new Headers(type, false);
            ABSENT_BY_TYPE[type.code()] = new Headers(type, true);
        }
    }

    private final MapType type;
    private final boolean absent;

    private Headers(MapType type, boolean absent) {
        this.type = type;
        this.absent = absent;
    }

    /** The view of {@code type}. */
    public static Headers of(MapType type) {
        return BY_TYPE[type.code()];
    }

    /**
     * A view of {@code type} for a map the host does not have (a failed callout's response, a
     * response without trailers): reads answer empty without a host call; writes still go to the
     * host, which refuses them.
     */
    public static Headers absent(MapType type) {
        return ABSENT_BY_TYPE[type.code()];
    }

    /** Which map this view reads and writes. */
    public MapType type() {
        return type;
    }

    /** The first value of {@code name}, or {@code null} if the header is absent. */
    public String get(String name) {
        if (absent) {
            return null;
        }
        byte[] value = HostBinding.host().getHeaderMapValue(type.code(), utf8(name));
        return value == null ? null : Utf8.decode(value);
    }

    /** Whether {@code name} is present. */
    public boolean contains(String name) {
        return !absent && HostBinding.host().getHeaderMapValue(type.code(), utf8(name)) != null;
    }

    /** Adds a value, keeping existing ones. */
    public void add(String name, String value) {
        HostBinding.host().addHeaderMapValue(type.code(), utf8(name), utf8(value));
    }

    /** Sets {@code name} to {@code value}: replaces the first occurrence, or adds it. */
    public void replace(String name, String value) {
        HostBinding.host().replaceHeaderMapValue(type.code(), utf8(name), utf8(value));
    }

    /** Removes every occurrence of {@code name}. */
    public void remove(String name) {
        HostBinding.host().removeHeaderMapValue(type.code(), utf8(name));
    }

    /** The map's size in bytes as the host counts it ({@code proxy_get_header_map_size}), e.g. to enforce a limit. */
    public int byteSize() {
        return absent ? 0 : HostBinding.host().getHeaderMapSize(type.code());
    }

    /** Every header, in the host's order. */
    public List<Header> all() {
        return absent ? List.of() : HeaderPairs.decode(HostBinding.host().getHeaderMapPairs(type.code()));
    }

    /** Replaces the whole map with {@code headers}. */
    public void setAll(List<Header> headers) {
        HostBinding.host().setHeaderMapPairs(type.code(), HeaderPairs.encode(headers));
    }

    static byte[] utf8(String s) {
        return Utf8.encode(s);
    }
}
