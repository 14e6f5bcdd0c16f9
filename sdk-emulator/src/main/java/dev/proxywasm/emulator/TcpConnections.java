package dev.proxywasm.emulator;

import dev.proxywasm.abi.PeerType;
import dev.proxywasm.api.Action;

/**
 * Envoy's network filter for one plugin: a connection's context is created with
 * {@code proxy_on_new_connection}; data in each direction reaches the plugin with everything
 * buffered so far and goes on when the plugin continues; either side's close is told to the
 * plugin; and the connection completes as a stream does, with {@code proxy_on_log},
 * {@code proxy_on_done} and {@code proxy_on_delete}.
 */
public final class TcpConnections {
    private final Vm vm;
    private final EmulatedHost host;
    private final StreamCallbacks callbacks;

    TcpConnections(Vm vm, EmulatedHost host, StreamCallbacks callbacks) {
        this.vm = vm;
        this.host = host;
        this.callbacks = callbacks;
    }

    /** Creates a connection context, calls {@code proxy_on_new_connection} and returns its id. */
    public int open() {
        int id = vm.newContextId();
        host.openStream(id);
        vm.onContextCreate(id, host.rootContextId());
        vm.onNewConnection(id);
        return id;
    }

    private Stream connection(int id) {
        return host.streams.require(id);
    }

    /** Delivers data from the client. */
    public Action downstreamData(int id, byte[] data, boolean endOfStream) {
        Stream c = connection(id);
        c.downstreamData.append(data);
        Action action = callbacks.run(c, () -> vm.onDownstreamData(id, c.downstreamData.size(), endOfStream));
        if (action == Action.CONTINUE) {
            c.forwardedRequestBody.append(c.downstreamData.bytes());
            c.downstreamData.clear();
        }
        return action;
    }

    /** Delivers data from the upstream. */
    public Action upstreamData(int id, byte[] data, boolean endOfStream) {
        Stream c = connection(id);
        c.upstreamData.append(data);
        Action action = callbacks.run(c, () -> vm.onUpstreamData(id, c.upstreamData.size(), endOfStream));
        if (action == Action.CONTINUE) {
            c.forwardedResponseBody.append(c.upstreamData.bytes());
            c.upstreamData.clear();
        }
        return action;
    }

    /** The client closed. */
    public void downstreamClosed(int id, PeerType peer) {
        connection(id);
        vm.onDownstreamConnectionClose(id, peer.code());
    }

    /** The upstream closed. */
    public void upstreamClosed(int id, PeerType peer) {
        connection(id);
        vm.onUpstreamConnectionClose(id, peer.code());
    }

    /** The connection is gone: the plugin logs it and its context is deleted. */
    public void complete(int id) {
        connection(id);
        vm.onLog(id);
        vm.onDone(id);
        vm.onDelete(id);
        host.streams.remove(id);
        host.properties.streamEnded(id);
    }

    /** What the plugin let through (or wrote) towards the upstream. */
    public byte[] forwardedDownstreamData(int id) {
        return connection(id).forwardedRequestBody.bytes();
    }

    /** What the plugin let through (or wrote) towards the client. */
    public byte[] forwardedUpstreamData(int id) {
        return connection(id).forwardedResponseBody.bytes();
    }

    /** Whether the plugin closed either side of connection {@code id}. */
    public boolean isClosed(int id) {
        Stream c = connection(id);
        return c.downstreamClosed || c.upstreamClosed;
    }
}
