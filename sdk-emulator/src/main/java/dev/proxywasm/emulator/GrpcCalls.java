package dev.proxywasm.emulator;

import static dev.proxywasm.emulator.HostCalls.fail;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.api.Header;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gRPC calls and streams the plugin opened and that have not closed: opened only to a known
 * cluster, sent on only while open, and on a stream only.
 */
public final class GrpcCalls {
    private final IdCounter ids;
    private final Clusters clusters;
    private final Map<Integer, GrpcCall> open = new LinkedHashMap<>();

    GrpcCalls(IdCounter ids, Clusters clusters) {
        this.ids = ids;
        this.clusters = clusters;
    }

    /** {@code proxy_grpc_call} ({@code message} non-null) or {@code proxy_grpc_stream}: the token. */
    int open(String service, String serviceName, String method, List<Header> metadata, byte[] message) {
        boolean stream = message == null;
        clusters.checkGrpc(stream ? HostFunction.PROXY_GRPC_STREAM : HostFunction.PROXY_GRPC_CALL, service);
        int token = ids.next();
        open.put(token, new GrpcCall(token, service, serviceName, method, metadata,
                stream ? null : message.clone(), stream));
        return token;
    }

    /** {@code proxy_grpc_send}: only on a stream. */
    void send(int token, byte[] message, boolean endOfStream) {
        GrpcCall call = call(token, HostFunction.PROXY_GRPC_SEND);
        if (!call.isStream()) {
            throw fail(HostFunction.PROXY_GRPC_SEND, WasmResult.BAD_ARGUMENT);
        }
        call.send(message.clone(), endOfStream);
    }

    /** {@code proxy_grpc_cancel}. */
    void cancel(int token) {
        call(token, HostFunction.PROXY_GRPC_CANCEL).cancel();
    }

    /** {@code proxy_grpc_close}. */
    void close(int token) {
        call(token, HostFunction.PROXY_GRPC_CLOSE).close();
    }

    /** The call ended: Envoy forgets its token. */
    void remove(int token) {
        open.remove(token);
    }

    private GrpcCall call(int token, HostFunction function) {
        GrpcCall call = open.get(token);
        if (call == null) {
            throw fail(function, WasmResult.NOT_FOUND);
        }
        return call;
    }

    /** The calls and streams that have not closed, in the order they were opened. */
    public List<GrpcCall> open() {
        return List.copyOf(open.values());
    }
}
