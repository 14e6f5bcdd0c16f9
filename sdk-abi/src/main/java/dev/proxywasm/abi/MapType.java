package dev.proxywasm.abi;

/** Which header map a header host call addresses. */
public enum MapType {
    HTTP_REQUEST_HEADERS(AbiCodes.MAP_HTTP_REQUEST_HEADERS),
    HTTP_REQUEST_TRAILERS(AbiCodes.MAP_HTTP_REQUEST_TRAILERS),
    HTTP_RESPONSE_HEADERS(AbiCodes.MAP_HTTP_RESPONSE_HEADERS),
    HTTP_RESPONSE_TRAILERS(AbiCodes.MAP_HTTP_RESPONSE_TRAILERS),
    GRPC_RECEIVE_INITIAL_METADATA(AbiCodes.MAP_GRPC_RECEIVE_INITIAL_METADATA),
    GRPC_RECEIVE_TRAILING_METADATA(AbiCodes.MAP_GRPC_RECEIVE_TRAILING_METADATA),
    HTTP_CALL_RESPONSE_HEADERS(AbiCodes.MAP_HTTP_CALL_RESPONSE_HEADERS),
    HTTP_CALL_RESPONSE_TRAILERS(AbiCodes.MAP_HTTP_CALL_RESPONSE_TRAILERS);

    private final int code;

    MapType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
