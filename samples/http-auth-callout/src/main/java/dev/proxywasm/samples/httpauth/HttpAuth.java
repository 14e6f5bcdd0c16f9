package dev.proxywasm.samples.httpauth;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.CalloutRefusedException;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpCall;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.List;

/**
 * The Go SDK's {@code http_auth_random}, made real: each request is held while the {@code auth}
 * cluster is asked {@code GET /check} with the request's path and authorization header; a 200
 * resumes the request, anything else answers 403. Nothing goes upstream unchecked: a call that
 * fails, or that the proxy refuses (no {@code auth} cluster), answers 403 too, with its own
 * response-code details for the access log.
 */
@ProxyWasmPlugin
public final class HttpAuth {
    static final String CLUSTER = "auth";

    @OnRequestHeaders
    Action request(Headers headers, HttpStream stream) {
        String authorization = headers.get("authorization");
        List<Header> check = List.of(new Header(":method", "GET"), new Header(":path", "/check"),
                new Header(":authority", CLUSTER), new Header("x-original-path", String.valueOf(headers.get(":path"))),
                new Header("authorization", authorization == null ? "" : authorization));
        try {
            HttpCall.dispatch(CLUSTER, check, null, 5000, response -> {
                if (response.failed()) {
                    Log.warn("access denied: the auth call failed");
                    deny(HttpStream.current(), "http_auth_failed");
                } else if (response.status() == 200) {
                    Log.info("access granted");
                    HttpStream.current().requestHeaders().add("x-auth-user",
                            String.valueOf(response.headers().get("x-user")));
                    HttpStream.current().resumeRequest();
                } else {
                    Log.info("access denied: auth answered " + response.status());
                    deny(HttpStream.current(), "http_auth_denied");
                }
            });
        } catch (CalloutRefusedException refused) {
            Log.warn("access denied: " + refused.getMessage());
            deny(stream, "http_auth_unavailable");
        }
        return Action.PAUSE;
    }

    /** 403 for the client; {@code details} tell the access log why. */
    private static void deny(HttpStream stream, String details) {
        stream.sendLocalResponse(LocalResponse.status(403).setBody("access denied\n")
                .addHeader("content-type", "text/plain").setDetails(details));
    }
}
