package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.api.GrpcCall;
import dev.proxywasm.api.HttpCallResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.Utf8;
import dev.proxywasm.abi.GuestExport;
import java.util.function.Consumer;

/**
 * Routes the host's asynchronous answers (HTTP call responses, gRPC events) to the callbacks the
 * plugin registered when it made the call, on the context that made it: a callout made from a
 * stream's callback answers with that stream current, so the callback can resume it.
 *
 * <p>Envoy owns callouts and gRPC calls by the plugin's root context, so their answers still come
 * after the stream that made them was deleted (the client went away). There is then nothing to
 * resume or answer: {@link #forgetContext} drops the stream's pending calls when it is deleted, and
 * an answer that finds no live context is dropped with a debug line, never an error.
 */
public final class AsyncDispatch {
    /** The gRPC events, for {@link #onGrpc}: one method with a switch, not a lambda class each. */
    private static final int INITIAL_METADATA = 0;
    private static final int MESSAGE = 1;
    private static final int TRAILING_METADATA = 2;
    private static final int CLOSE = 3;

    private static final CallsInFlight HTTP_CALLS = new CallsInFlight();
    private static final CallsInFlight GRPC_CALLS = new CallsInFlight();
    private static boolean forgetsDeletedContexts;

    private AsyncDispatch() {}

    /** Records the callback for callout {@code token}, made while {@code contextId} was current. */
    public static void awaitHttpCall(int token, int contextId, Consumer<HttpCallResponse> callback) {
        forgetDeletedContexts();
        HTTP_CALLS.put(token, InFlightCall.http(contextId, callback));
    }

    /** Records an open gRPC call or stream, made while the current context was current, and its handler. */
    public static void awaitGrpc(int token, GrpcCall call, GrpcCall.Handler handler) {
        forgetDeletedContexts();
        GRPC_CALLS.put(token, InFlightCall.grpc(CallbackContext.current(), call, handler));
    }

    /** From the first call on, {@code proxy_on_delete} forgets the calls of the context it deletes. */
    private static void forgetDeletedContexts() {
        if (!forgetsDeletedContexts) {
            forgetsDeletedContexts = true;
            CallbackContext.onDelete(AsyncDispatch::forgetContext);
        }
    }

    /** {@code proxy_on_http_call_response}: runs the callout's callback once, on its context. */
    public static void httpCallResponse(int token, int headerCount, int bodySize, int trailerCount) {
        InFlightCall pending = HTTP_CALLS.remove(token);
        if (pending == null) {
            dropped(GuestExport.Names.PROXY_ON_HTTP_CALL_RESPONSE, token);
            return;
        }
        int context = caller(pending.contextId);
        int previous = CallbackContext.current();
        try {
            if (!focus(context)) {
                dropped(GuestExport.Names.PROXY_ON_HTTP_CALL_RESPONSE, token);
                return;
            }
            previous = CallbackContext.enter(context);
            pending.callback.accept(new CalloutResponse(BoundContexts.of(context), token, headerCount, bodySize,
                    trailerCount));
        } catch (Throwable failure) {
            throw new AsyncCallbackFailure(pending.contextId, failure);
        } finally {
            CallbackContext.exit(previous);
        }
    }

    /** {@code proxy_on_grpc_receive_initial_metadata}. */
    public static void grpcInitialMetadata(int token, int count) {
        onGrpc(GuestExport.Names.PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA, token, INITIAL_METADATA, count);
    }

    /** {@code proxy_on_grpc_receive}. */
    public static void grpcMessage(int token, int size) {
        onGrpc(GuestExport.Names.PROXY_ON_GRPC_RECEIVE, token, MESSAGE, size);
    }

    /** {@code proxy_on_grpc_receive_trailing_metadata}. */
    public static void grpcTrailingMetadata(int token, int count) {
        onGrpc(GuestExport.Names.PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA, token, TRAILING_METADATA, count);
    }

    /** {@code proxy_on_grpc_close}: the call is over; its status message comes from the host. */
    public static void grpcClose(int token, int status) {
        onGrpc(GuestExport.Names.PROXY_ON_GRPC_CLOSE, token, CLOSE, status);
    }

    /**
     * Runs {@code event} (with its wire argument) for call {@code token} on its context; the close
     * forgets the call.
     */
    private static void onGrpc(String callback, int token, int event, int argument) {
        InFlightCall open = event == CLOSE ? GRPC_CALLS.remove(token) : GRPC_CALLS.get(token);
        if (open == null) {
            dropped(callback, token);
            return;
        }
        int context = caller(open.contextId);
        int previous = CallbackContext.current();
        try {
            if (!focus(context)) {
                GRPC_CALLS.remove(token);
                dropped(callback, token);
                return;
            }
            previous = CallbackContext.enter(context);
            deliver(open, event, argument);
        } catch (Throwable failure) {
            throw new AsyncCallbackFailure(open.contextId, failure);
        } finally {
            CallbackContext.exit(previous);
        }
    }

    /** Hands gRPC {@code event} to the call's handler, on the call's context. */
    private static void deliver(InFlightCall open, int event, int argument) {
        GrpcCall.Handler handler = open.handler;
        switch (event) {
            case INITIAL_METADATA -> handler.onInitialMetadata(open.call,
                    BoundContexts.current().headers(AbiCodes.MAP_GRPC_RECEIVE_INITIAL_METADATA));
            case MESSAGE -> handler.onMessage(open.call,
                    BoundContexts.current().body(AbiCodes.BUFFER_GRPC_RECEIVE_BUFFER).bytes(0, argument));
            case TRAILING_METADATA -> handler.onTrailingMetadata(open.call,
                    BoundContexts.current().headers(AbiCodes.MAP_GRPC_RECEIVE_TRAILING_METADATA));
            default -> {
                Host.Status detail = HostBinding.host().getStatus();
                handler.onClose(open.call, WireCodes.grpcStatus(argument),
                        detail == null ? "" : Utf8.decode(detail.message()));
            }
        }
    }

    /**
     * The context a call's events run on: the one that made it, or the root context delivering
     * them for a call made outside any callback (0).
     */
    private static int caller(int contextId) {
        return contextId == 0 ? CallbackContext.current() : contextId;
    }

    /**
     * Makes {@code contextId} the host's effective context; false if the host no longer knows it
     * (Envoy answers {@code BadArgument} for a deleted stream).
     */
    private static boolean focus(int contextId) {
        try {
            HostBinding.hostFor(contextId);
            return true;
        } catch (HostCallException refused) {
            if (refused.status() == AbiCodes.RESULT_BAD_ARGUMENT) {
                return false;
            }
            throw refused;
        }
    }

    /** An answer nobody waits for any more: the stream that made the call has ended. */
    private static void dropped(String callback, int token) {
        try {
            Log.debug(callback + ": no callback waits for call " + token + " (the stream that made it has ended);"
                    + " dropped");
        } catch (Throwable ignored) {
            // Logging is a courtesy here; the answer is dropped either way.
        }
    }

    /**
     * Forgets the calls context {@code contextId} made: the host deleted it, so their answers, when
     * they come, find nothing to run. {@code proxy_on_delete} calls it through
     * {@link CallbackContext#deleted} once a call was made.
     */
    public static void forgetContext(int contextId) {
        HTTP_CALLS.forgetContext(contextId);
        GRPC_CALLS.forgetContext(contextId);
    }

    /** Forgets everything in flight: the JVM test emulator starts each plugin from scratch. */
    public static void clear() {
        HTTP_CALLS.clear();
        GRPC_CALLS.clear();
        forgetsDeletedContexts = false;
        CallbackContext.onDelete(null);
    }
}
