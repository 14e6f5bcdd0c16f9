package dev.proxywasm.api;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.runtime.HostCallException;

/**
 * The host refused to start an HTTP callout or a gRPC call: nothing was sent and no callback will
 * run. Envoy refuses a call to a cluster it does not know ({@link Reason#BAD_ARGUMENT} for
 * {@link HttpCall#dispatch}, {@link Reason#PARSE_FAILURE} for {@link GrpcCall}), an HTTP callout
 * without {@code :method}, {@code :path} or {@code :authority}, or a negative timeout
 * ({@link Reason#BAD_ARGUMENT}), and a request its HTTP client cannot start
 * ({@link Reason#INTERNAL_FAILURE}).
 *
 * <p>Unchecked, so that a plugin which does not handle it fails closed: thrown from a stream's
 * callback, the stream gets the {@link FailurePolicy}'s answer (a 500 by default) instead of
 * waiting for an answer that never comes. Catch it to answer the request yourself, or to try again
 * later.
 */
public final class CalloutRefusedException extends RuntimeException {
    /** What the host answered when it refused, named as the ABI names it. */
    public enum Reason {
        /** {@code BadArgument}: an unknown cluster (HTTP), a missing pseudo-header or a negative timeout. */
        BAD_ARGUMENT,
        /** {@code ParseFailure}: Envoy knows no such cluster (gRPC). */
        PARSE_FAILURE,
        /** {@code InternalFailure}: Envoy's client could not start the request. */
        INTERNAL_FAILURE,
        /** Any other answer; the message names it. */
        OTHER
    }

    private final String function;
    private final String cluster;
    /** The status as its code: {@link #reason()} names it only when asked (naming a constant initializes the enum). */
    private final int result;

    /** {@code function} (e.g. {@code proxy_http_call}) refused a call to {@code cluster} with status {@code result}. */
    CalloutRefusedException(String function, String cluster, int result, Throwable cause) {
        super(function + " to cluster " + cluster + " was refused: " + HostCallException.resultName(result)
                + why(function, result), cause);
        this.function = function;
        this.cluster = cluster;
        this.result = result;
    }

    private static String why(String function, int result) {
        if (result == AbiCodes.RESULT_BAD_ARGUMENT) {
            return function.equals(HostFunction.Names.PROXY_HTTP_CALL)
                    ? " (the proxy knows no such cluster, or :method, :path or :authority is missing)"
                    : " (the proxy refused the call's arguments)";
        }
        if (result == AbiCodes.RESULT_PARSE_FAILURE) {
            return " (the proxy knows no such cluster)";
        }
        return "";
    }

    /** The ABI function that refused: {@code proxy_http_call}, {@code proxy_grpc_call} or {@code proxy_grpc_stream}. */
    public String function() {
        return function;
    }

    /** The cluster the call was for. */
    public String cluster() {
        return cluster;
    }

    /** What the host answered. */
    public Reason reason() {
        // Compared, not switched on: a switch on an enum compiles to a table of all its values.
        return result == AbiCodes.RESULT_BAD_ARGUMENT ? Reason.BAD_ARGUMENT
                : result == AbiCodes.RESULT_PARSE_FAILURE ? Reason.PARSE_FAILURE
                : result == AbiCodes.RESULT_INTERNAL_FAILURE ? Reason.INTERNAL_FAILURE
                : Reason.OTHER;
    }
}
