package dev.proxywasm.api;

import dev.proxywasm.runtime.AsyncDispatch;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.HeaderPairs;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.HostCallException;
import java.util.List;

/**
 * A gRPC call to an upstream cluster: unary ({@link #unary}) or a bidirectional stream
 * ({@link #stream}). Events arrive on the {@link Handler}, with the calling context current.
 *
 * <p>As with {@link HttpCall}: a call the host refuses throws {@link CalloutRefusedException}
 * (Envoy answers {@code ParseFailure} for a cluster it does not know) and no event follows; a call
 * that fails ends with {@link Handler#onClose} and a non-zero gRPC status (e.g. 14, unavailable);
 * and once the HTTP stream that made the call has ended, its events are dropped, since there is no
 * stream left to act on. A gRPC stream meant to outlive a request belongs to the plugin: open it
 * from {@code @OnPluginStart} or {@code @OnTick}.
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

    /**
     * A unary call: one request message, one answer.
     *
     * @throws CalloutRefusedException if the host refused the call (e.g. an unknown cluster); no
     *     event will follow
     */
    public static GrpcCall unary(String cluster, String service, String method, List<Header> initialMetadata,
            byte[] message, int timeoutMillis, Handler handler) {
        int token;
        try {
            token = HostBinding.host().grpcCall(Utf8.encode(cluster), Utf8.encode(service), Utf8.encode(method),
                    HeaderPairs.encode(initialMetadata), message, timeoutMillis);
        } catch (HostCallException refused) {
            throw new CalloutRefusedException("proxy_grpc_call", cluster, refused.result(), refused);
        }
        return register(token, handler);
    }

    /**
     * A bidirectional stream; send with {@link #send}.
     *
     * @throws CalloutRefusedException if the host refused the stream (e.g. an unknown cluster); no
     *     event will follow
     */
    public static GrpcCall stream(String cluster, String service, String method, List<Header> initialMetadata,
            Handler handler) {
        int token;
        try {
            token = HostBinding.host().grpcStream(Utf8.encode(cluster), Utf8.encode(service), Utf8.encode(method),
                    HeaderPairs.encode(initialMetadata));
        } catch (HostCallException refused) {
            throw new CalloutRefusedException("proxy_grpc_stream", cluster, refused.result(), refused);
        }
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
