package dev.proxywasm.api;

import dev.proxywasm.abi.MapType;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import java.util.List;

/**
 * One header map of one stream: its request or response headers or trailers, or the headers a
 * callout or gRPC call received. A handle bound to its stream: every method is a host call on
 * that stream, nothing is cached, and once the stream has ended every method throws
 * {@link IllegalStateException}.
 *
 * <p>Envoy lets a map be read and written only inside its own callback (or while that direction is
 * paused); copy what later callbacks need into the stream's state. Names are lower-case in Envoy;
 * {@link #set} changes the first occurrence or adds the header, {@link #remove} removes every one.
 */
public interface Headers {
    /** The first value of {@code name}, or null if absent. */
    String get(String name);

    /** Whether {@code name} is present. */
    boolean contains(String name);

    /** Every header, in the host's order; empty if the map has none. */
    List<Header> all();

    /** The map's size in bytes as the host counts it ({@code proxy_get_header_map_size}), e.g. to enforce a limit. */
    int byteSize();

    /** Adds a value, keeping existing ones. */
    void add(String name, String value);

    /** Sets {@code name} to {@code value}: replaces the first occurrence, or adds it. */
    void set(String name, String value);

    /** Removes every occurrence of {@code name}. */
    void remove(String name);

    /** Replaces the whole map with {@code headers}. */
    void setAll(List<Header> headers);
}
