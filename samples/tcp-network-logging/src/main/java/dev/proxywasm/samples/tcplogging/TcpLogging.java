package dev.proxywasm.samples.tcplogging;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.Connection;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.Metric;
import dev.proxywasm.api.OnDownstreamConnectionClose;
import dev.proxywasm.api.OnDownstreamData;
import dev.proxywasm.api.OnNewConnection;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnUpstreamConnectionClose;
import dev.proxywasm.api.OnUpstreamData;
import dev.proxywasm.api.Peer;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * The Go SDK's {@code network} example: a TCP (L4) filter that logs each new connection, counts
 * the bytes in each direction, and logs the totals when the client side closes.
 */
@ProxyWasmPlugin(stream = TcpLogging.Session.class)
public final class TcpLogging {
    private Metric connections;

    @OnPluginStart
    void start() {
        connections = Metric.counter("tcp_logging_connections_total");
    }

    final class Session {
        private long fromClient;
        private long fromServer;

        @OnNewConnection
        void open(Connection connection) {
            connections.add(1);
            Log.info("new connection " + connection.id());
        }

        @OnDownstreamData
        void downstream(Body data, Connection connection, int size) {
            fromClient += size;
            if (data.text().startsWith("QUIT")) {
                Log.info("client said QUIT: closing connection " + connection.id());
                connection.closeUpstream();
            }
        }

        @OnUpstreamData
        void upstream(int size) {
            fromServer += size;
        }

        @OnUpstreamConnectionClose
        void upstreamClosed(Connection connection, Peer peer) {
            Log.info("upstream of connection " + connection.id() + " closed by " + peer.name().toLowerCase());
        }

        @OnDownstreamConnectionClose
        void closed(Connection connection, Peer peer) {
            Log.info("connection " + connection.id() + " closed by " + peer.name().toLowerCase()
                    + ": " + fromClient + " bytes in, " + fromServer + " bytes out");
        }
    }
}
