package dev.proxywasm.api;

/** Which side closed a TCP connection, as Envoy reports it to the connection-close callbacks. */
public enum Peer {
    /** Envoy does not know (or did not say). */
    UNKNOWN,
    /** Envoy itself closed it: a filter, a timeout, the proxy shutting down. */
    LOCAL,
    /** The other end closed it: the client for the downstream side, the server for the upstream side. */
    REMOTE
}
