package dev.proxywasm.emulator;

import dev.proxywasm.api.Header;
import java.util.ArrayList;
import java.util.List;

/**
 * A gRPC call ({@code proxy_grpc_call}) or stream ({@code proxy_grpc_stream}) a plugin opened:
 * what it was opened with and every message the plugin sent on it.
 */
public final class GrpcCall {
    private final int token;
    private final String service;
    private final String serviceName;
    private final String method;
    private final List<Header> initialMetadata;
    private final boolean stream;
    private final List<byte[]> sent = new ArrayList<>();
    private boolean endOfStream;
    private boolean cancelled;
    private boolean closed;

    GrpcCall(int token, String service, String serviceName, String method, List<Header> initialMetadata,
            byte[] message, boolean stream) {
        this.token = token;
        this.service = service;
        this.serviceName = serviceName;
        this.method = method;
        this.initialMetadata = List.copyOf(initialMetadata);
        this.stream = stream;
        if (message != null) {
            sent.add(message);
        }
    }

    public int token() {
        return token;
    }

    /** The upstream (cluster) the call goes to. */
    public String service() {
        return service;
    }

    /** The fully qualified gRPC service name. */
    public String serviceName() {
        return serviceName;
    }

    public String method() {
        return method;
    }

    public List<Header> initialMetadata() {
        return initialMetadata;
    }

    /** Whether it is a stream rather than a unary call. */
    public boolean isStream() {
        return stream;
    }

    /** Messages sent so far: the request of a unary call, or each {@code proxy_grpc_send}. */
    public List<byte[]> sentMessages() {
        return List.copyOf(sent);
    }

    public boolean sentEndOfStream() {
        return endOfStream;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isClosed() {
        return closed;
    }

    void send(byte[] message, boolean end) {
        sent.add(message);
        endOfStream |= end;
    }

    void cancel() {
        cancelled = true;
    }

    void close() {
        closed = true;
    }
}
