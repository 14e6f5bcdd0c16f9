package dev.proxywasm.api;

/**
 * The status a gRPC call ended with ({@link GrpcCall.Handler#onClose}), as the gRPC specification
 * names them. A status this list does not know arrives as {@link #UNKNOWN}, which is what gRPC
 * itself does with a status from an unknown error space.
 */
public enum GrpcStatus {
    /** Success. */
    OK,
    /** The call was cancelled, typically by the caller. */
    CANCELLED,
    /** An error without a better status, or a status this list does not know. */
    UNKNOWN,
    /** The request was invalid whatever the server's state. */
    INVALID_ARGUMENT,
    /** The deadline passed before the call completed. */
    DEADLINE_EXCEEDED,
    /** What the request named does not exist. */
    NOT_FOUND,
    /** What the request would create already exists. */
    ALREADY_EXISTS,
    /** The caller may not do this. */
    PERMISSION_DENIED,
    /** A quota or resource ran out. */
    RESOURCE_EXHAUSTED,
    /** The server is not in the state the request needs. */
    FAILED_PRECONDITION,
    /** The call was aborted, typically by a concurrency conflict. */
    ABORTED,
    /** The request reached past a valid range. */
    OUT_OF_RANGE,
    /** The server does not implement the method. */
    UNIMPLEMENTED,
    /** The server broke an invariant. */
    INTERNAL,
    /** The service could not be reached or is not serving (Envoy's status for a failed connection). */
    UNAVAILABLE,
    /** Data was lost or corrupted. */
    DATA_LOSS,
    /** The caller's credentials are missing or invalid. */
    UNAUTHENTICATED
}
