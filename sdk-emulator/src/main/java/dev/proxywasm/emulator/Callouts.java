package dev.proxywasm.emulator;

import static dev.proxywasm.emulator.HostCalls.fail;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.api.Header;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's HTTP callouts that wait for an answer, refused at dispatch as Envoy refuses them: a
 * cluster the proxy does not know, a negative timeout, or request headers without
 * {@code :method}, {@code :path} or {@code :authority}.
 */
public final class Callouts {
    private final IdCounter ids;
    private final Clusters clusters;
    private final Map<Integer, Callout> pending = new LinkedHashMap<>();

    Callouts(IdCounter ids, Clusters clusters) {
        this.ids = ids;
        this.clusters = clusters;
    }

    /** {@code proxy_http_call}: the callout's token. */
    int dispatch(String upstream, List<Header> headers, byte[] body, List<Header> trailers, int timeoutMilliseconds) {
        if (timeoutMilliseconds < 0) {
            throw fail(HostFunction.PROXY_HTTP_CALL, WasmResult.BAD_ARGUMENT);
        }
        clusters.checkHttp(upstream);
        HeaderMap map = HeaderMap.of(headers);
        if (map.get(":method") == null || map.get(":path") == null || map.get(":authority") == null) {
            throw fail(HostFunction.PROXY_HTTP_CALL, WasmResult.BAD_ARGUMENT);
        }
        int token = ids.next();
        pending.put(token, new Callout(token, upstream, List.copyOf(headers), body.clone(), List.copyOf(trailers),
                timeoutMilliseconds));
        return token;
    }

    /** Removes callout {@code token}, which is being answered; throws if none is pending. */
    Callout answer(int token) {
        Callout callout = pending.remove(token);
        if (callout == null) {
            throw new IllegalArgumentException("no pending HTTP callout " + token);
        }
        return callout;
    }

    /** The callouts waiting for an answer, in the order they were made. */
    public List<Callout> pending() {
        return List.copyOf(pending.values());
    }
}
