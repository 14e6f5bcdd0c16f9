package dev.proxywasm.samples.httpheaders;

import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnStreamDone;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.json.Json;
import dev.proxywasm.api.json.JsonException;
import java.util.Map;

/**
 * The Go SDK's {@code examples/http_headers}, line for line: sets {@code test: best} on requests,
 * adds three headers to responses, and logs every header.
 */
@ProxyWasmPlugin
public final class HttpHeaders {
    private static final String INVALID =
            "invalid configuration format; expected {\"header\": \"<header name>\", \"value\": \"<header value>\"}";

    private String headerName = "";
    private String headerValue = "";
    private int counter;

    @OnPluginStart
    boolean start(Configuration config) {
        Log.debug("loading plugin config");
        if (config.isEmpty()) {
            return true;
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(config.text());
        } catch (JsonException e) {
            Log.critical(INVALID);
            return false;
        }
        headerName = text(json.get("header"));
        headerValue = text(json.get("value"));
        if (headerName.isEmpty() || headerValue.isEmpty()) {
            Log.critical(INVALID);
            return false;
        }
        Log.info("header from config: " + headerName + " = " + headerValue);
        return true;
    }

    @OnRequestHeaders
    void requestHeaders(Headers headers) {
        headers.set("test", "best");
        for (Header h : headers.all()) {
            Log.info("request header --> " + h.name() + ": " + h.value());
        }
    }

    @OnResponseHeaders
    void responseHeaders(Headers headers) {
        Log.info("adding header: " + headerName + "=" + headerValue);
        headers.add("x-proxy-wasm-go-sdk-example", "http_headers");
        counter++;
        headers.add("x-proxy-wasm-counter", Integer.toString(counter));
        if (!headerName.isEmpty()) {
            headers.add(headerName, headerValue);
        }
        for (Header h : headers.all()) {
            Log.info("response header <-- " + h.name() + ": " + h.value());
        }
    }

    @OnStreamDone
    void done(HttpStream stream) {
        Log.info(stream.id() + " finished");
    }

    private static String text(Object value) {
        return value instanceof String s ? s.trim() : "";
    }
}
