package dev.proxywasm.runtime;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.GrpcStatus;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.Peer;

/**
 * The one place where the author API's enums meet their codes on the wire: plugin code names an
 * {@link Action}, a {@link LogLevel}, a {@link Peer} or a {@link GrpcStatus}, and only the runtime
 * (and the test host) sees the numbers the ABI carries.
 *
 * <p>Each author enum is declared in the order of its codes, so its ordinal is its code
 * ({@code WireCodesTest} holds every constant to the ABI table and to gRPC's codes). Mapping by
 * ordinal keeps the ABI's enums and the compiler's switch tables out of the module: a plugin that
 * only logs carries no table of peers, actions or gRPC statuses.
 */
public final class WireCodes {
    private WireCodes() {}

    /** What a stream or connection callback returns for {@code action}: the ABI's Continue or Pause. */
    public static int code(Action action) {
        return action.ordinal();
    }

    /** The ABI's code for {@code level} ({@code proxy_log}, {@code proxy_get_log_level}). */
    public static int code(LogLevel level) {
        return level.ordinal();
    }

    /** The ABI's code for {@code peer} (the connection-close callbacks' {@code peer_type}). */
    public static int code(Peer peer) {
        return peer.ordinal();
    }

    /** The peer a connection-close callback's {@code peer_type} names; a code the ABI lacks is {@link Peer#UNKNOWN}. */
    public static Peer peer(int code) {
        Peer[] peers = Peer.values();
        return code >= 0 && code < peers.length ? peers[code] : Peer.UNKNOWN;
    }

    /** gRPC's code for {@code status} (a local reply's {@code grpc-status}). */
    public static int code(GrpcStatus status) {
        return status.ordinal();
    }

    /** The status {@code proxy_on_grpc_close} reports; a code gRPC does not define is {@link GrpcStatus#UNKNOWN}. */
    public static GrpcStatus grpcStatus(int code) {
        GrpcStatus[] statuses = GrpcStatus.values();
        return code >= 0 && code < statuses.length ? statuses[code] : GrpcStatus.UNKNOWN;
    }
}
