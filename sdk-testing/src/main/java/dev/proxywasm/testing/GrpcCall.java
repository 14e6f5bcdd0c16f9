package dev.proxywasm.testing;

import dev.proxywasm.api.Header;
import java.util.List;

/**
 * A gRPC call ({@code proxy_grpc_call}) or stream ({@code proxy_grpc_stream}) a plugin opened:
 * what it was opened with and every message the plugin sent on it, as it is now.
 */
public final class GrpcCall {
    private final dev.proxywasm.emulator.GrpcCall call;

    GrpcCall(dev.proxywasm.emulator.GrpcCall call) {
        this.call = call;
    }

    public int token() {
        return call.token();
    }

    /** The upstream (cluster) the call goes to. */
    public String service() {
        return call.service();
    }

    /** The fully qualified gRPC service name. */
    public String serviceName() {
        return call.serviceName();
    }

    public String method() {
        return call.method();
    }

    public List<Header> initialMetadata() {
        return call.initialMetadata();
    }

    /** Whether it is a stream rather than a unary call. */
    public boolean isStream() {
        return call.isStream();
    }

    /** Messages sent so far: the request of a unary call, or each {@code proxy_grpc_send}. */
    public List<byte[]> sentMessages() {
        return call.sentMessages();
    }

    public boolean sentEndOfStream() {
        return call.sentEndOfStream();
    }

    public boolean isCancelled() {
        return call.isCancelled();
    }

    public boolean isClosed() {
        return call.isClosed();
    }
}
