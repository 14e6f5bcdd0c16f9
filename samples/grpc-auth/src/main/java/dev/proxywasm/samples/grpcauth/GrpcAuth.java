package dev.proxywasm.samples.grpcauth;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.GrpcCall;
import dev.proxywasm.api.GrpcStatus;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.Utf8;
import java.util.List;

/**
 * Authorises each request with a unary gRPC call to {@code auth.v1.Authorizer/Check} on the
 * {@code grpc_auth} cluster (the request message is the path, UTF-8, for brevity): status OK
 * resumes the request, any other status answers 403 with the status message.
 */
@ProxyWasmPlugin
public final class GrpcAuth {
    static final String CLUSTER = "grpc_auth";

    @OnRequestHeaders
    Action request(Headers headers) {
        String token = headers.get("authorization");
        GrpcCall.unary(CLUSTER, "auth.v1.Authorizer", "Check",
                List.of(new Header("authorization", token == null ? "" : token)),
                Utf8.encode(String.valueOf(headers.get(":path"))), 3000, new GrpcCall.Handler() {
                    @Override
                    public void onClose(GrpcCall call, GrpcStatus status, String message) {
                        if (status == GrpcStatus.OK) {
                            HttpStream.current().resumeRequest();
                        } else {
                            Log.info("denied by gRPC status " + status + ": " + message);
                            HttpStream.current().sendLocalResponse(LocalResponse.status(403)
                                    .setBody("denied: " + message + "\n").setDetails("grpc_auth_denied"));
                        }
                    }
                });
        return Action.PAUSE;
    }
}
