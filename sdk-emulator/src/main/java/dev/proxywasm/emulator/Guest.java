package dev.proxywasm.emulator;

import static dev.proxywasm.abi.GuestExport.PROXY_ON_CONFIGURE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_CONTEXT_CREATE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_DELETE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_DONE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_DOWNSTREAM_CONNECTION_CLOSE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_DOWNSTREAM_DATA;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_FOREIGN_FUNCTION;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_GRPC_CLOSE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_GRPC_CREATE_INITIAL_METADATA;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_GRPC_RECEIVE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_HTTP_CALL_RESPONSE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_LOG;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_NEW_CONNECTION;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_QUEUE_READY;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_REQUEST_BODY;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_REQUEST_HEADERS;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_REQUEST_METADATA;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_REQUEST_TRAILERS;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_RESPONSE_BODY;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_RESPONSE_HEADERS;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_RESPONSE_METADATA;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_RESPONSE_TRAILERS;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_TICK;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_UPSTREAM_CONNECTION_CLOSE;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_UPSTREAM_DATA;
import static dev.proxywasm.abi.GuestExport.PROXY_ON_VM_START;

import dev.proxywasm.abi.GuestExport;

/**
 * The plugin as the host calls it. An implementation provides the raw call by table entry
 * ({@link JvmGuest}: the generated glue's static methods; {@link WasmGuest}: the compiled module in
 * Chicory); the host uses the typed callbacks, one per {@code proxy_on_*} export of
 * {@link GuestExport}. A callback the plugin does not export returns what Envoy assumes without it:
 * continue, started, done.
 */
public interface Guest extends AutoCloseable {
    /** Whether the plugin exports {@code export}. */
    boolean exports(GuestExport export);

    /** Calls {@code export} with arguments as its table entry lists them; its i32 result, or 0 for a void export. */
    int call(GuestExport export, int... args);

    /** Linear memory pages, or -1 on the JVM. */
    int memoryPages();

    @Override
    void close();

    /** Refuses a call whose arguments do not match {@code export}'s signature in the table. */
    static void checkArguments(GuestExport export, int[] args) {
        if (args.length != export.parameters().size()) {
            throw new IllegalArgumentException(export.abiName() + " takes " + export.signature() + ", not "
                    + args.length + " arguments");
        }
    }

    private int callIfExported(GuestExport export, int absent, int... args) {
        return exports(export) ? call(export, args) : absent;
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    default void onContextCreate(int contextId, int parentContextId) {
        callIfExported(PROXY_ON_CONTEXT_CREATE, 0, contextId, parentContextId);
    }

    /** False if the plugin refused to start. */
    default boolean onVmStart(int rootContextId, int vmConfigurationSize) {
        return callIfExported(PROXY_ON_VM_START, 1, rootContextId, vmConfigurationSize) != 0;
    }

    /** False if the plugin refused its configuration. */
    default boolean onConfigure(int rootContextId, int pluginConfigurationSize) {
        return callIfExported(PROXY_ON_CONFIGURE, 1, rootContextId, pluginConfigurationSize) != 0;
    }

    default void onTick(int rootContextId) {
        callIfExported(PROXY_ON_TICK, 0, rootContextId);
    }

    /** 0 continues the connection, anything else pauses it. */
    default int onNewConnection(int contextId) {
        return callIfExported(PROXY_ON_NEW_CONNECTION, 0, contextId);
    }

    default int onDownstreamData(int contextId, int dataSize, boolean endOfStream) {
        return callIfExported(PROXY_ON_DOWNSTREAM_DATA, 0, contextId, dataSize, flag(endOfStream));
    }

    default int onUpstreamData(int contextId, int dataSize, boolean endOfStream) {
        return callIfExported(PROXY_ON_UPSTREAM_DATA, 0, contextId, dataSize, flag(endOfStream));
    }

    default void onDownstreamConnectionClose(int contextId, int peerType) {
        callIfExported(PROXY_ON_DOWNSTREAM_CONNECTION_CLOSE, 0, contextId, peerType);
    }

    default void onUpstreamConnectionClose(int contextId, int peerType) {
        callIfExported(PROXY_ON_UPSTREAM_CONNECTION_CLOSE, 0, contextId, peerType);
    }

    /** 0 continues the stream, anything else stops iteration. */
    default int onRequestHeaders(int contextId, int headerCount, boolean endOfStream) {
        return callIfExported(PROXY_ON_REQUEST_HEADERS, 0, contextId, headerCount, flag(endOfStream));
    }

    default int onRequestBody(int contextId, int bodySize, boolean endOfStream) {
        return callIfExported(PROXY_ON_REQUEST_BODY, 0, contextId, bodySize, flag(endOfStream));
    }

    default int onRequestTrailers(int contextId, int trailerCount) {
        return callIfExported(PROXY_ON_REQUEST_TRAILERS, 0, contextId, trailerCount);
    }

    default int onRequestMetadata(int contextId, int elementCount) {
        return callIfExported(PROXY_ON_REQUEST_METADATA, 0, contextId, elementCount);
    }

    default int onResponseHeaders(int contextId, int headerCount, boolean endOfStream) {
        return callIfExported(PROXY_ON_RESPONSE_HEADERS, 0, contextId, headerCount, flag(endOfStream));
    }

    default int onResponseBody(int contextId, int bodySize, boolean endOfStream) {
        return callIfExported(PROXY_ON_RESPONSE_BODY, 0, contextId, bodySize, flag(endOfStream));
    }

    default int onResponseTrailers(int contextId, int trailerCount) {
        return callIfExported(PROXY_ON_RESPONSE_TRAILERS, 0, contextId, trailerCount);
    }

    default int onResponseMetadata(int contextId, int elementCount) {
        return callIfExported(PROXY_ON_RESPONSE_METADATA, 0, contextId, elementCount);
    }

    default void onHttpCallResponse(int contextId, int token, int headerCount, int bodySize, int trailerCount) {
        callIfExported(PROXY_ON_HTTP_CALL_RESPONSE, 0, contextId, token, headerCount, bodySize, trailerCount);
    }

    default void onGrpcReceiveInitialMetadata(int contextId, int token, int headerCount) {
        callIfExported(PROXY_ON_GRPC_RECEIVE_INITIAL_METADATA, 0, contextId, token, headerCount);
    }

    default void onGrpcReceiveTrailingMetadata(int contextId, int token, int trailerCount) {
        callIfExported(PROXY_ON_GRPC_RECEIVE_TRAILING_METADATA, 0, contextId, token, trailerCount);
    }

    default void onGrpcReceive(int contextId, int token, int messageSize) {
        callIfExported(PROXY_ON_GRPC_RECEIVE, 0, contextId, token, messageSize);
    }

    default void onGrpcClose(int contextId, int token, int statusCode) {
        callIfExported(PROXY_ON_GRPC_CLOSE, 0, contextId, token, statusCode);
    }

    default void onGrpcCreateInitialMetadata(int contextId, int token, int headerCount) {
        callIfExported(PROXY_ON_GRPC_CREATE_INITIAL_METADATA, 0, contextId, token, headerCount);
    }

    default void onQueueReady(int rootContextId, int queueId) {
        callIfExported(PROXY_ON_QUEUE_READY, 0, rootContextId, queueId);
    }

    default void onForeignFunction(int rootContextId, int functionId, int dataSize) {
        callIfExported(PROXY_ON_FOREIGN_FUNCTION, 0, rootContextId, functionId, dataSize);
    }

    /** True if the context is done; false if the plugin will call {@code proxy_done} later. */
    default boolean onDone(int contextId) {
        return callIfExported(PROXY_ON_DONE, 1, contextId) != 0;
    }

    default void onLog(int contextId) {
        callIfExported(PROXY_ON_LOG, 0, contextId);
    }

    default void onDelete(int contextId) {
        callIfExported(PROXY_ON_DELETE, 0, contextId);
    }
}
