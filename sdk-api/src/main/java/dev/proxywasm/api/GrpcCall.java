package dev.proxywasm.api;

import dev.proxywasm.spi.AsyncDispatch;
import dev.proxywasm.spi.CallbackContext;
import dev.proxywasm.spi.HeaderPairs;
import dev.proxywasm.spi.HostBinding;
import java.util.List;

/**
 * A gRPC call to an upstream cluster: unary ({@link #unary}) or a bidirectional stream
 * ({@link #stream}). Events arrive on the {@link Handler}, with the calling context current.
 */
public final class GrpcCall {
    /** What happens on a call; every method is optional. */
    public interface Handler {
        default void onInitialMetadata(GrpcCall call, Headers metadata) {}

        default void onMessage(GrpcCall call, byte[] message) {}

        default void onTrailingMetadata(GrpcCall call, Headers metadata) {}

        /** The call ended with a gRPC status (0 is OK). */
        default void onClose(GrpcCall call, int status, String message) {}
    }

    private final int token;
    private final int contextId;
    private final Handler handler;

    private GrpcCall(int token, int contextId, Handler handler) {
        this.token = token;
        this.contextId = contextId;
        this.handler = handler;
    }

    /** A unary call: one request message, one answer. */
    public static GrpcCall unary(String cluster, String service, String method, List<Header> initialMetadata,
            byte[] message, int timeoutMillis, Handler handler) {
        int token = HostBinding.host().grpcCall(Utf8.encode(cluster), Utf8.encode(service), Utf8.encode(method),
                HeaderPairs.encode(initialMetadata), message, timeoutMillis);
        return register(token, handler);
    }

    /** A bidirectional stream; send with {@link #send}. */
    public static GrpcCall stream(String cluster, String service, String method, List<Header> initialMetadata,
            Handler handler) {
        int token = HostBinding.host().grpcStream(Utf8.encode(cluster), Utf8.encode(service), Utf8.encode(method),
                HeaderPairs.encode(initialMetadata));
        return register(token, handler);
    }

    private static GrpcCall register(int token, Handler handler) {
        GrpcCall call = new GrpcCall(token, CallbackContext.current(), handler);
        AsyncDispatch.awaitGrpc(token, call);
        return call;
    }

    /** Sends a message on a stream; {@code endOfStream} half-closes it. */
    public void send(byte[] message, boolean endOfStream) {
        HostBinding.host().grpcSend(token, message, endOfStream);
    }

    /** Cancels the call: no more events arrive. */
    public void cancel() {
        HostBinding.host().grpcCancel(token);
    }

    /** Closes the call gracefully. */
    public void close() {
        HostBinding.host().grpcClose(token);
    }

    public int token() {
        return token;
    }

    /** The context that made the call. */
    public int contextId() {
        return contextId;
    }

    /** The handler of its events. */
    public Handler handler() {
        return handler;
    }
}
