package dev.proxywasm.api;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.runtime.AsyncDispatch;
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
 * that fails ends with {@link Handler#onClose} and a status other than {@link GrpcStatus#OK} (e.g.
 * {@link GrpcStatus#UNAVAILABLE} when Envoy cannot reach the cluster);
 * and once the HTTP stream that made the call has ended, its events are dropped, since there is no
 * stream left to act on. A gRPC stream meant to outlive a request belongs to the plugin: open it
 * from {@code @OnPluginStart} or {@code @OnTick}.
 */
public final class GrpcCall {
    /** What happens on a call; every method is optional. */
    public interface Handler {
        /** The server's initial metadata ({@code proxy_on_grpc_receive_initial_metadata}). */
        default void onInitialMetadata(GrpcCall call, Headers metadata) {}

        /** One message from the server ({@code proxy_on_grpc_receive}). */
        default void onMessage(GrpcCall call, byte[] message) {}

        /** The server's trailing metadata ({@code proxy_on_grpc_receive_trailing_metadata}). */
        default void onTrailingMetadata(GrpcCall call, Headers metadata) {}

        /**
         * The call ended ({@code proxy_on_grpc_close}), with its status and the status message
         * (empty if there is none); no event follows.
         */
        default void onClose(GrpcCall call, GrpcStatus status, String message) {}
    }

    private final int token;

    private GrpcCall(int token) {
        this.token = token;
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
            throw new CalloutRefusedException(HostFunction.Names.PROXY_GRPC_CALL, cluster, refused.status(), refused);
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
            throw new CalloutRefusedException(HostFunction.Names.PROXY_GRPC_STREAM, cluster, refused.status(), refused);
        }
        return register(token, handler);
    }

    private static GrpcCall register(int token, Handler handler) {
        GrpcCall call = new GrpcCall(token);
        AsyncDispatch.awaitGrpc(token, call, handler);
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

    /** The host's token for the call, e.g. to tell calls apart in logs. */
    public int token() {
        return token;
    }
}
