package dev.proxywasm.samples.bodyrewrite;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestTrailers;
import dev.proxywasm.api.OnResponseTrailers;
import dev.proxywasm.api.OnWholeRequestBody;
import dev.proxywasm.api.OnWholeResponseBody;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * The Go SDK's {@code http_body}: the configuration (plain text) picks the operation,
 * {@code append}, {@code prepend} or {@code replace}; the request body gets it once complete, and so
 * does the response body, whether the body ends on its last chunk or on trailers. The SDK removes
 * {@code content-length} from both directions' headers, so the new length holds. Response trailers
 * say which operation ran.
 */
@ProxyWasmPlugin
public final class BodyRewrite {
    private String operation = "append";

    @OnPluginStart
    boolean start(Configuration configuration) {
        String op = configuration.isEmpty() ? "append" : configuration.text().trim();
        if (!op.equals("append") && !op.equals("prepend") && !op.equals("replace")) {
            Log.critical("body-rewrite: the configuration must be append, prepend or replace, not " + op);
            return false;
        }
        operation = op;
        return true;
    }

    @OnWholeRequestBody
    void requestBody(Body body) {
        rewrite(body, "[request]");
    }

    @OnWholeResponseBody
    void responseBody(Body body) {
        rewrite(body, "[response]");
    }

    @OnRequestTrailers
    void requestTrailers(int count) {
        Log.info("request trailers: " + count);
    }

    @OnResponseTrailers
    void responseTrailers(Headers trailers) {
        trailers.add("x-body-rewrite", operation);
    }

    private void rewrite(Body body, String text) {
        switch (operation) {
            case "prepend" -> body.prepend(text + " ");
            case "replace" -> body.set(text);
            default -> body.append(" " + text);
        }
    }
}
