package dev.proxywasm.emulator;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.runtime.Host;

/**
 * What the running callback may read besides its stream: a callout's answer, a gRPC call's
 * metadata or message, a foreign function's arguments, and the status of the last call. Each
 * exists only while the callback that delivers it runs, as in Envoy; a map that does not exist
 * reads as {@code BadArgument}, its pairs as empty.
 */
final class CallbackInputs {
    private HeaderMap calloutHeaders;
    private HeaderMap calloutTrailers;
    private byte[] calloutBody;
    private HeaderMap grpcInitialMetadata;
    private HeaderMap grpcTrailingMetadata;
    private byte[] grpcMessage;
    private byte[] foreignFunctionArguments;
    private int statusCode;
    private byte[] statusMessage = new byte[0];

    /** Runs {@code callback} with a callout's answer readable; null maps and body do not exist. */
    void withCalloutAnswer(HeaderMap headers, HeaderMap trailers, byte[] body, Runnable callback) {
        calloutHeaders = headers;
        calloutTrailers = trailers;
        calloutBody = body;
        try {
            callback.run();
        } finally {
            calloutHeaders = null;
            calloutTrailers = null;
            calloutBody = null;
        }
    }

    void withGrpcInitialMetadata(HeaderMap metadata, Runnable callback) {
        grpcInitialMetadata = metadata;
        try {
            callback.run();
        } finally {
            grpcInitialMetadata = null;
        }
    }

    void withGrpcTrailingMetadata(HeaderMap metadata, Runnable callback) {
        grpcTrailingMetadata = metadata;
        try {
            callback.run();
        } finally {
            grpcTrailingMetadata = null;
        }
    }

    void withGrpcMessage(byte[] message, Runnable callback) {
        grpcMessage = message;
        try {
            callback.run();
        } finally {
            grpcMessage = null;
        }
    }

    void withForeignFunctionArguments(byte[] arguments, Runnable callback) {
        foreignFunctionArguments = arguments;
        try {
            callback.run();
        } finally {
            foreignFunctionArguments = null;
        }
    }

    /**
     * Runs {@code callback} with {@code proxy_get_status} telling {@code code} and {@code message};
     * Envoy clears the message afterwards and leaves the code.
     */
    void withStatus(int code, byte[] message, Runnable callback) {
        statusCode = code;
        statusMessage = message;
        try {
            callback.run();
        } finally {
            statusMessage = new byte[0];
        }
    }

    Host.Status status() {
        return new Host.Status(statusCode, statusMessage.clone());
    }

    /** Whether {@code type} is a gRPC call's or a callout's map, which the root context holds. */
    static boolean isAsync(MapType type) {
        return type == MapType.GRPC_RECEIVE_INITIAL_METADATA || type == MapType.GRPC_RECEIVE_TRAILING_METADATA
                || type == MapType.HTTP_CALL_RESPONSE_HEADERS || type == MapType.HTTP_CALL_RESPONSE_TRAILERS;
    }

    /** A callout's or gRPC call's map, or null while it does not exist. */
    HeaderMap map(MapType type) {
        return switch (type) {
            case GRPC_RECEIVE_INITIAL_METADATA -> grpcInitialMetadata;
            case GRPC_RECEIVE_TRAILING_METADATA -> grpcTrailingMetadata;
            case HTTP_CALL_RESPONSE_HEADERS -> calloutHeaders;
            case HTTP_CALL_RESPONSE_TRAILERS -> calloutTrailers;
            default -> null;
        };
    }

    /** A callout's, gRPC call's or foreign function's buffer, or null while it does not exist. */
    byte[] buffer(BufferType type) {
        return switch (type) {
            case HTTP_CALL_RESPONSE_BODY -> calloutBody;
            case GRPC_RECEIVE_BUFFER -> grpcMessage;
            case FOREIGN_FUNCTION_ARGUMENTS -> foreignFunctionArguments;
            default -> null;
        };
    }
}
