package dev.proxywasm.emulator;

import java.net.InetSocketAddress;

/**
 * The downstream connection a stream arrived on, as Envoy's stream info describes it: the client's
 * address ({@code source.*}), the listener's ({@code destination.*}), the connection's id and
 * whether the client presented a certificate ({@code connection.mtls}).
 */
record Downstream(InetSocketAddress source, InetSocketAddress destination, long id, boolean mtls) {
    /** A client on loopback talking to a listener on port 10000, Envoy's usual example port. */
    static final Downstream DEFAULT = new Downstream(new InetSocketAddress("127.0.0.1", 51000),
            new InetSocketAddress("127.0.0.1", 10000), 1, false);

    /** This connection if the addresses are the same (a client's address names its connection), else the next one. */
    Downstream connect(InetSocketAddress newSource, InetSocketAddress newDestination) {
        if (source.equals(newSource) && destination.equals(newDestination)) {
            return this;
        }
        return new Downstream(newSource, newDestination, id + 1, mtls);
    }

    Downstream withMtls(boolean presented) {
        return new Downstream(source, destination, id, presented);
    }
}
