package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.HostBinding;

/** The TCP connection whose network-filter callback is running: its data buffers and flow control. */
public final class Connection {
    static final Connection CURRENT = new Connection();

    private Connection() {}

    /** The connection of the running callback. */
    public static Connection current() {
        return CURRENT;
    }

    /** The host's context id of this connection. */
    public int id() {
        return CallbackContext.current();
    }

    /** Data from the client buffered so far. */
    public Body downstreamData() {
        return Body.of(BufferType.DOWNSTREAM_DATA);
    }

    /** Data from the upstream buffered so far. */
    public Body upstreamData() {
        return Body.of(BufferType.UPSTREAM_DATA);
    }

    public void resumeDownstream() {
        HostBinding.host().continueStream(StreamType.DOWNSTREAM.code());
    }

    public void resumeUpstream() {
        HostBinding.host().continueStream(StreamType.UPSTREAM.code());
    }

    public void closeDownstream() {
        HostBinding.host().closeStream(StreamType.DOWNSTREAM.code());
    }

    public void closeUpstream() {
        HostBinding.host().closeStream(StreamType.UPSTREAM.code());
    }
}
