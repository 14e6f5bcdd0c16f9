package example;

import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.FailurePolicy;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnStreamDone;
import dev.proxywasm.api.ProxyWasmPlugin;

/** Stateless streams: the handlers live on the plugin class. */
@ProxyWasmPlugin(failurePolicy = FailurePolicy.FAIL_OPEN)
public final class AddHeader {
    String value = "hello";

    @OnPluginStart
    boolean start(Configuration config) {
        value = config.text();
        return !value.isEmpty();
    }

    @OnRequestHeaders
    void request(Headers headers, boolean endOfStream) {
        headers.replace("x-end", String.valueOf(endOfStream));
    }

    @OnResponseHeaders
    void response(int headerCount, Headers headers) {
        headers.add("x-hello", value + headerCount);
    }

    @OnStreamDone
    void done(HttpStream stream) {}
}
