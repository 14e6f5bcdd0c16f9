package dev.proxywasm.runtime;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.GrpcStatus;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.Peer;
import dev.proxywasm.abi.PeerType;

/**
 * The one place where the author API's enums meet their codes on the wire: plugin code names an
 * {@link Action}, a {@link LogLevel}, a {@link Peer} or a {@link GrpcStatus}, and only the runtime
 * (and the test host) sees the numbers the ABI carries.
 */
public final class WireCodes {
    /** gRPC's status codes 0 to 16, in code order. */
    private static final GrpcStatus[] GRPC_STATUS_BY_CODE = {
        GrpcStatus.OK, GrpcStatus.CANCELLED, GrpcStatus.UNKNOWN, GrpcStatus.INVALID_ARGUMENT,
        GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.NOT_FOUND, GrpcStatus.ALREADY_EXISTS, GrpcStatus.PERMISSION_DENIED,
        GrpcStatus.RESOURCE_EXHAUSTED, GrpcStatus.FAILED_PRECONDITION, GrpcStatus.ABORTED, GrpcStatus.OUT_OF_RANGE,
        GrpcStatus.UNIMPLEMENTED, GrpcStatus.INTERNAL, GrpcStatus.UNAVAILABLE, GrpcStatus.DATA_LOSS,
        GrpcStatus.UNAUTHENTICATED,
    };

    private WireCodes() {}

    /** What a stream or connection callback returns for {@code action}: the ABI's Continue or Pause. */
    public static int code(Action action) {
        return switch (action) {
            case CONTINUE -> dev.proxywasm.abi.Action.CONTINUE.code();
            case PAUSE -> dev.proxywasm.abi.Action.PAUSE.code();
        };
    }

    /** The ABI's code for {@code level} ({@code proxy_log}, {@code proxy_get_log_level}). */
    public static int code(LogLevel level) {
        return switch (level) {
            case TRACE -> dev.proxywasm.abi.LogLevel.TRACE.code();
            case DEBUG -> dev.proxywasm.abi.LogLevel.DEBUG.code();
            case INFO -> dev.proxywasm.abi.LogLevel.INFO.code();
            case WARN -> dev.proxywasm.abi.LogLevel.WARN.code();
            case ERROR -> dev.proxywasm.abi.LogLevel.ERROR.code();
            case CRITICAL -> dev.proxywasm.abi.LogLevel.CRITICAL.code();
        };
    }

    /** The ABI's code for {@code peer} (the connection-close callbacks' {@code peer_type}). */
    public static int code(Peer peer) {
        return switch (peer) {
            case UNKNOWN -> PeerType.UNKNOWN.code();
            case LOCAL -> PeerType.LOCAL.code();
            case REMOTE -> PeerType.REMOTE.code();
        };
    }

    /** The peer a connection-close callback's {@code peer_type} names; a code the ABI lacks is {@link Peer#UNKNOWN}. */
    public static Peer peer(int code) {
        if (code == PeerType.LOCAL.code()) {
            return Peer.LOCAL;
        }
        return code == PeerType.REMOTE.code() ? Peer.REMOTE : Peer.UNKNOWN;
    }

    /** The status {@code proxy_on_grpc_close} reports; a code gRPC does not define is {@link GrpcStatus#UNKNOWN}. */
    public static GrpcStatus grpcStatus(int code) {
        return code >= 0 && code < GRPC_STATUS_BY_CODE.length ? GRPC_STATUS_BY_CODE[code] : GrpcStatus.UNKNOWN;
    }
}
