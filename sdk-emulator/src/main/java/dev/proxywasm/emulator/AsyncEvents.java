package dev.proxywasm.emulator;

import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.api.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Events that reach the root context from outside any stream: a callout's answer or failure, a
 * gRPC call's metadata, messages and close, a queue's new item, a foreign function's call. What
 * each delivers is readable only while its callback runs; a local reply the plugin sends from one
 * goes out as from the request path ({@link LocalReplies#sendPending}).
 */
public final class AsyncEvents {
    private final Vm vm;
    private final EmulatedHost host;
    private final LocalReplies replies;

    AsyncEvents(Vm vm, EmulatedHost host, LocalReplies replies) {
        this.vm = vm;
        this.host = host;
        this.replies = replies;
    }

    /**
     * Delivers the answer of callout {@code token}. Envoy answers this way also when it cannot
     * reach the cluster (503) or the answer does not start in time (504). Without trailers the
     * answer has no trailer map, as in Envoy.
     */
    public void calloutResponse(int token, List<Header> headers, byte[] body, List<Header> trailers) {
        host.callouts.answer(token);
        host.inputs.withCalloutAnswer(HeaderMap.of(headers), trailers.isEmpty() ? null : HeaderMap.of(trailers),
                body.clone(), () -> vm.onHttpCallResponse(root(), token, headers.size(), body.length, trailers.size()));
        replies.sendPending();
    }

    /**
     * Fails callout {@code token} as Envoy does ({@code Context::onHttpCallFailure}): no headers,
     * body or trailers, and {@code proxy_get_status} gives {@code BrokenConnection} with "reset".
     */
    public void calloutFailure(int token) {
        host.callouts.answer(token);
        host.inputs.withStatus(WasmResult.BROKEN_CONNECTION.code(), "reset".getBytes(StandardCharsets.UTF_8),
                () -> vm.onHttpCallResponse(root(), token, 0, 0, 0));
        replies.sendPending();
    }

    /** Delivers initial metadata on a gRPC call. */
    public void grpcInitialMetadata(int token, List<Header> metadata) {
        host.inputs.withGrpcInitialMetadata(HeaderMap.of(metadata),
                () -> vm.onGrpcReceiveInitialMetadata(root(), token, metadata.size()));
        replies.sendPending();
    }

    /** Delivers a message on a gRPC call. */
    public void grpcMessage(int token, byte[] message) {
        host.inputs.withGrpcMessage(message.clone(), () -> vm.onGrpcReceive(root(), token, message.length));
        replies.sendPending();
    }

    /** Delivers trailing metadata on a gRPC call. */
    public void grpcTrailingMetadata(int token, List<Header> metadata) {
        host.inputs.withGrpcTrailingMetadata(HeaderMap.of(metadata),
                () -> vm.onGrpcReceiveTrailingMetadata(root(), token, metadata.size()));
        replies.sendPending();
    }

    /**
     * Closes a gRPC call with {@code status} (0 is OK) and {@code message}, which the plugin reads
     * with {@code proxy_get_status}; Envoy forgets the call's token.
     */
    public void grpcClose(int token, int status, String message) {
        host.grpcCalls.remove(token);
        host.inputs.withStatus(status, message.getBytes(StandardCharsets.UTF_8),
                () -> vm.onGrpcClose(root(), token, status));
        replies.sendPending();
    }

    /** Enqueues {@code data} on queue {@code queueId} and tells the plugin ({@code proxy_on_queue_ready}). */
    public void enqueue(int queueId, byte[] data) {
        host.queues.enqueue(queueId, data);
        vm.onQueueReady(root(), queueId);
    }

    /**
     * The root context the events go to: the current one. (In Envoy the answer to a call made by a
     * root context that a configuration update replaced goes nowhere; the emulator does not track that.)
     */
    private int root() {
        return host.rootContextId();
    }

    /** Calls {@code proxy_on_foreign_function} with {@code arguments} readable as the foreign-function buffer. */
    public void foreignFunction(int functionId, byte[] arguments) {
        host.inputs.withForeignFunctionArguments(arguments.clone(),
                () -> vm.onForeignFunction(root(), functionId, arguments.length));
    }
}
