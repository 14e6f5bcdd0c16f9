package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;

/**
 * One context the plugin holds handles of: a stream, a connection or a plugin's root context. Its
 * handles are made once and kept here, so a stream's callbacks get the same objects each time
 * without allocating. Every host call through a handle goes through {@link #host()}, which refuses
 * once the host deleted the context and otherwise makes the host act on this context.
 */
public final class BoundContext {
    // What the context is, for messages: a root is known from its creation, the rest from the
    // handles asked of it.
    static final int UNKNOWN = 0;
    static final int ROOT = 1;
    static final int HTTP_STREAM = 2;
    static final int TCP_CONNECTION = 3;

    /** The ABI's header map types (0 to 7) and buffer types (0 to 8). */
    private static final int MAP_TYPES = 8;
    private static final int BUFFER_TYPES = 9;

    final int id;
    private int kind;
    private boolean ended;
    private BoundHttpStream httpStream;
    private BoundConnection connection;
    // Object[], not BoundHeaders[] and BoundBody[]: each array type is one more class record (name,
    // type data) in the module.
    private Object[] maps;
    private Object[] buffers;

    BoundContext(int id, int kind) {
        this.id = id;
        this.kind = kind;
    }

    /** The host's id of this context. */
    public int id() {
        return id;
    }

    /**
     * The host, acting on this context.
     *
     * @throws IllegalStateException once the context has ended
     */
    public Host host() {
        if (ended) {
            throw endedError();
        }
        try {
            return HostBinding.hostFor(id);
        } catch (HostCallException refused) {
            if (refused.status() != AbiCodes.RESULT_BAD_ARGUMENT) {
                throw refused;
            }
            // The host no longer knows the context: it has ended, whether or not we were told.
            ended = true;
            throw endedError();
        }
    }

    /** This context as an HTTP stream. */
    public BoundHttpStream httpStream() {
        if (httpStream == null) {
            refuseRoot("HttpStream");
            kind = HTTP_STREAM;
            httpStream = new BoundHttpStream(this);
        }
        return httpStream;
    }

    /** This context as a TCP connection. */
    public BoundConnection connection() {
        if (connection == null) {
            refuseRoot("Connection");
            kind = TCP_CONNECTION;
            connection = new BoundConnection(this);
        }
        return connection;
    }

    /** The handle of header map {@code mapType} (its wire code) of this context. */
    public BoundHeaders headers(int mapType) {
        if (maps == null) {
            maps = new Object[MAP_TYPES];
        }
        BoundHeaders map = (BoundHeaders) maps[mapType];
        if (map == null) {
            map = new BoundHeaders(this, mapType, false);
            maps[mapType] = map;
        }
        return map;
    }

    /**
     * A handle of header map {@code mapType} that the host does not have (a failed callout's
     * response, a response without trailers): reads answer empty without a host call; writes still
     * go to the host, which refuses them.
     */
    public BoundHeaders absentHeaders(int mapType) {
        return new BoundHeaders(this, mapType, true);
    }

    /** The handle of buffer {@code bufferType} (its wire code) of this context. */
    public BoundBody body(int bufferType) {
        if (buffers == null) {
            buffers = new Object[BUFFER_TYPES];
        }
        BoundBody buffer = (BoundBody) buffers[bufferType];
        if (buffer == null) {
            buffer = new BoundBody(this, bufferType);
            buffers[bufferType] = buffer;
        }
        return buffer;
    }

    /** Whether the host deleted this context. */
    boolean isEnded() {
        return ended;
    }

    /** The host deleted this context: its handles refuse from now on. */
    void end() {
        ended = true;
    }

    /** {@code this HTTP stream (context 7)}. */
    String describe() {
        String what = switch (kind) {
            case ROOT -> "this plugin's context";
            case HTTP_STREAM -> "this HTTP stream";
            case TCP_CONNECTION -> "this TCP connection";
            default -> "this stream or connection";
        };
        return what + " (context " + id + ")";
    }

    private IllegalStateException endedError() {
        return new IllegalStateException(describe() + " has ended; keep values, not handles");
    }

    private void refuseRoot(String type) {
        if (kind == ROOT) {
            throw new IllegalStateException(type + ".current() runs in a plugin-wide callback (context " + id
                    + "), not a stream's: keep the handle of the stream to act on");
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
