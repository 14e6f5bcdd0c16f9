package dev.proxywasm.samples.jsonvalidation;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnWholeRequestBody;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.json.Json;
import dev.proxywasm.api.json.JsonException;
import java.util.Map;

/**
 * The Go SDK's {@code json_validation}: {@code application/json} request bodies must be a JSON
 * object with {@code id} and {@code token}; anything else gets 400 with the reason, and so does a
 * JSON request without a body. Other content types get 403. The body is checked once, complete,
 * also when trailers end it; checking only reads it, so {@code content-length} stays.
 */
@ProxyWasmPlugin(stream = JsonValidation.Check.class)
public final class JsonValidation {
    final class Check {
        @OnRequestHeaders
        Action headers(Headers headers, HttpStream stream, boolean endOfStream) {
            String type = headers.get("content-type");
            if (type == null || !type.startsWith("application/json")) {
                stream.sendLocalResponse(LocalResponse.status(403).setBody("content-type must be application/json\n"));
                return Action.PAUSE;
            }
            if (endOfStream) {
                stream.sendLocalResponse(LocalResponse.status(400).setBody("missing body\n"));
                return Action.PAUSE;
            }
            return Action.CONTINUE;
        }

        @OnWholeRequestBody(readOnly = true)
        Action body(Body body, HttpStream stream) {
            String problem = problem(body.text());
            if (problem != null) {
                stream.sendLocalResponse(LocalResponse.status(400).setBody(problem + "\n"));
                return Action.PAUSE;
            }
            return Action.CONTINUE;
        }
    }

    static String problem(String text) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(text);
        } catch (JsonException e) {
            return "invalid JSON: " + e.getMessage();
        }
        for (String field : new String[] {"id", "token"}) {
            if (!json.containsKey(field)) {
                return "missing field: " + field;
            }
        }
        return null;
    }
}
