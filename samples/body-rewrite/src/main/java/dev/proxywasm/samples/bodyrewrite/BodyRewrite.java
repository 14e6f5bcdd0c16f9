package dev.proxywasm.samples.bodyrewrite;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.OnResponseBody;
import dev.proxywasm.api.OnRequestTrailers;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnResponseTrailers;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * The Go SDK's {@code http_body}: the configuration (plain text) picks the operation,
 * {@code append}, {@code prepend} or {@code replace}; the request body gets it once complete, and so
 * does the response body (content-length removed so the new length holds). Response trailers say
 * which operation ran.
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

    @OnRequestBody
    Action requestBody(Body body, boolean endOfStream) {
        return rewrite(body, endOfStream, "[request]");
    }

    @OnResponseHeaders
    void responseHeaders(Headers headers) {
        headers.remove("content-length");
    }

    @OnResponseBody
    Action responseBody(Body body, boolean endOfStream) {
        return rewrite(body, endOfStream, "[response]");
    }

    @OnRequestTrailers
    void requestTrailers(int count) {
        Log.info("request trailers: " + count);
    }

    @OnResponseTrailers
    void responseTrailers(Headers trailers) {
        trailers.add("x-body-rewrite", operation);
    }

    private Action rewrite(Body body, boolean endOfStream, String text) {
        if (!endOfStream) {
            return Action.PAUSE;
        }
        switch (operation) {
            case "prepend" -> body.prepend(text + " ");
            case "replace" -> body.replace(text);
            default -> body.append(" " + text);
        }
        return Action.CONTINUE;
    }
}
