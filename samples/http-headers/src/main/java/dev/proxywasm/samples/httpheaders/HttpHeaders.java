package dev.proxywasm.samples.httpheaders;

import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnStreamDone;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * The Go SDK's {@code examples/http_headers}, line for line: sets {@code test: best} on requests,
 * adds three headers to responses, and logs every header.
 */
@ProxyWasmPlugin
public final class HttpHeaders {
    private String headerName = "";
    private String headerValue = "";
    private int counter;

    @OnPluginStart
    void start(HeaderConfig config) {
        Log.debug("loading plugin config");
        if (config.header() != null) {
            headerName = config.header();
            headerValue = config.value();
            Log.info("header from config: " + headerName + " = " + headerValue);
        }
    }

    @OnRequestHeaders
    void requestHeaders(Headers headers) {
        headers.set("test", "best");
        logAll("request header --> ", headers);
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
        logAll("response header <-- ", headers);
    }

    /** One line per header; one loop for both directions keeps the module smaller. */
    private static void logAll(String arrow, Headers headers) {
        for (Header h : headers.all()) {
            Log.info(arrow + h.name() + ": " + h.value());
        }
    }

    @OnStreamDone
    void done(HttpStream stream) {
        Log.info(stream.id() + " finished");
    }
}
