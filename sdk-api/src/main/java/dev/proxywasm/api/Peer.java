package dev.proxywasm.api;

/** Which side closed a connection, as the connection close callbacks receive it. */
public enum Peer {
    /** The host could not tell. */
    UNKNOWN,
    /** The proxy closed it. */
    LOCAL,
    /** The other end closed it. */
    REMOTE
}
