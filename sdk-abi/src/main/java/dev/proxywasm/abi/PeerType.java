package dev.proxywasm.abi;

/** Which side closed a connection. */
public enum PeerType {
    UNKNOWN(0),
    LOCAL(AbiCodes.PEER_LOCAL),
    REMOTE(AbiCodes.PEER_REMOTE);

    private final int code;

    PeerType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }

    /** The peer for a wire code; unknown codes map to {@link #UNKNOWN}. */
    public static PeerType of(int code) {
        return code == AbiCodes.PEER_LOCAL ? LOCAL : code == AbiCodes.PEER_REMOTE ? REMOTE : UNKNOWN;
    }
}
