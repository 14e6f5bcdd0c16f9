package dev.proxywasm.api;

import dev.proxywasm.abi.WasmResult;

/**
 * The host refused to start an HTTP callout or a gRPC call: nothing was sent and no callback will
 * run. Envoy refuses a call to a cluster it does not know ({@code BadArgument} for
 * {@link HttpCall#dispatch}, {@code ParseFailure} for {@link GrpcCall}), an HTTP callout without
 * {@code :method}, {@code :path} or {@code :authority}, or a negative timeout
 * ({@code BadArgument}), and a request its HTTP client cannot start ({@code InternalFailure}).
 *
 * <p>Unchecked, so that a plugin which does not handle it fails closed: thrown from a stream's
 * callback, the stream gets the {@link FailurePolicy}'s answer (a 500 by default) instead of
 * waiting for an answer that never comes. Catch it to answer the request yourself, or to try again
 * later.
 */
public final class CalloutRefusedException extends RuntimeException {
    private final String function;
    private final String cluster;
    private final WasmResult result;

    /** For the SDK: {@code function} (e.g. {@code proxy_http_call}) refused a call to {@code cluster}. */
    public CalloutRefusedException(String function, String cluster, WasmResult result, Throwable cause) {
        super(function + " to cluster " + cluster + " was refused: " + result + why(function, result), cause);
        this.function = function;
        this.cluster = cluster;
        this.result = result;
    }

    private static String why(String function, WasmResult result) {
        if (result == WasmResult.BAD_ARGUMENT) {
            return function.equals("proxy_http_call")
                    ? " (the proxy knows no such cluster, or :method, :path or :authority is missing)"
                    : " (the proxy refused the call's arguments)";
        }
        if (result == WasmResult.PARSE_FAILURE) {
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
    public WasmResult result() {
        return result;
    }
}
