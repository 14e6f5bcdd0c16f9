package dev.proxywasm.emulator;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTTP streams and TCP connections that exist, by context id. */
final class Streams {
    private final Map<Integer, Stream> byId = new HashMap<>();

    /** Creates stream {@code id}, started at {@code startNanos} on {@code downstream}. */
    Stream open(int id, long startNanos, Downstream downstream, String protocol) {
        Stream stream = new Stream(id, new StreamInfo(startNanos, downstream, protocol));
        byId.put(id, stream);
        return stream;
    }

    /** Stream {@code id}, or null. */
    Stream find(int id) {
        return byId.get(id);
    }

    /** Stream {@code id}; a test that names a stream that does not exist is told how to make one. */
    Stream require(int id) {
        Stream stream = byId.get(id);
        if (stream == null) {
            throw new IllegalArgumentException("no HTTP stream " + id + "; call initializeHttpContext() first");
        }
        return stream;
    }

    boolean exists(int id) {
        return byId.containsKey(id);
    }

    void remove(int id) {
        byId.remove(id);
    }

    /** A snapshot of every stream. */
    Collection<Stream> all() {
        return List.copyOf(byId.values());
    }
}
