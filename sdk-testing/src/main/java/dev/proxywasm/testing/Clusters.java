package dev.proxywasm.testing;

import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.HostCallException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The upstream clusters the emulated proxy knows, and what Envoy answers a call to any other
 * (Envoy's {@code source/extensions/common/wasm/context.cc}): {@code proxy_http_call} returns
 * {@code BadArgument} ({@code Context::httpCall} finds no thread-local cluster), and
 * {@code proxy_grpc_call} and {@code proxy_grpc_stream} return {@code ParseFailure}
 * ({@code Context::grpcCall} keeps the code of ABI 0.1). Until a test names the clusters, every
 * name is known.
 */
final class Clusters {
    private Set<String> known;
    private final List<String> refused = new ArrayList<>();

    /** Only {@code names} are known from now on. */
    void only(Collection<String> names) {
        known = new LinkedHashSet<>(names);
    }

    boolean knows(String name) {
        return known == null || known.contains(name);
    }

    /** Refuses an HTTP callout to an unknown cluster, as {@code proxy_http_call} does. */
    void checkHttp(String name) {
        check("proxy_http_call", name, WasmResult.BAD_ARGUMENT);
    }

    /** Refuses a gRPC call or stream to an unknown cluster, as {@code function} does. */
    void checkGrpc(String function, String name) {
        check(function, name, WasmResult.PARSE_FAILURE);
    }

    private void check(String function, String name, WasmResult result) {
        if (!knows(name)) {
            refused.add(name);
            throw new HostCallException(function, result);
        }
    }

    /** The clusters of the calls refused so far, in order. */
    List<String> refused() {
        return List.copyOf(refused);
    }
}
