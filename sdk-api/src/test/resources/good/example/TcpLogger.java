package example;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Connection;
import dev.proxywasm.api.ForeignFunction;
import dev.proxywasm.api.OnDownstreamConnectionClose;
import dev.proxywasm.api.OnDownstreamData;
import dev.proxywasm.api.OnForeignFunction;
import dev.proxywasm.api.OnNewConnection;
import dev.proxywasm.api.OnQueueReady;
import dev.proxywasm.api.OnTick;
import dev.proxywasm.api.OnUpstreamConnectionClose;
import dev.proxywasm.api.OnUpstreamData;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.SharedQueue;
import dev.proxywasm.api.Peer;

/** A network filter with per-connection state, and the plugin-wide asynchronous callbacks. */
@ProxyWasmPlugin(stream = TcpLogger.Session.class)
public final class TcpLogger {
    @OnTick
    void tick() {}

    @OnQueueReady
    void queueReady(SharedQueue queue) {}

    @OnForeignFunction
    void foreign(byte[] arguments, ForeignFunction.Id function) {}

    static final class Session {
        long bytes;

        Session(TcpLogger plugin) {}

        @OnNewConnection
        Action open(Connection connection) {
            return Action.CONTINUE;
        }

        @OnDownstreamData
        Action fromClient(Body data, int size, boolean endOfStream) {
            bytes += size;
            return Action.CONTINUE;
        }

        @OnUpstreamData
        void fromServer(Connection connection, int size) {}

        @OnDownstreamConnectionClose
        void clientClosed(Peer peer) {}

        @OnUpstreamConnectionClose
        void serverClosed(Connection connection, Peer peer) {}
    }
}
