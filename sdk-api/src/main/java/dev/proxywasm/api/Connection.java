package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.BoundContexts;

/**
 * One TCP connection of a network filter: its data buffers and flow control. Injected into the
 * connection's callbacks, or {@link #current()}; the handle is bound to its connection, whichever
 * callback uses it. Once the connection has ended (the host deleted it) every method that acts on
 * it throws {@link IllegalStateException}.
 *
 * <p>A connection has one handle, the same object in each of its callbacks, so it can be a key.
 */
public interface Connection {
    /**
     * The connection whose callback is running.
     *
     * @throws IllegalStateException outside the callbacks of a connection
     */
    static Connection current() {
        return BoundContexts.current().connection();
    }

    /** The host's context id of this connection, for log lines; no method takes it. */
    int id();

    /** Data from the client buffered so far. */
    Body downstreamData();

    /** Data from the upstream buffered so far. */
    Body upstreamData();

    /** Resumes data from the client that this plugin paused. */
    void resumeDownstream();

    /** Resumes data from the upstream that this plugin paused. */
    void resumeUpstream();

    /** Closes the client side of the connection. */
    void closeDownstream();

    /** Closes the upstream side of the connection. */
    void closeUpstream();
}
