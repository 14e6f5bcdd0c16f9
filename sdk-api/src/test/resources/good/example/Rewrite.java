package example;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.OnPluginShutdown;
import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnRequestTrailers;
import dev.proxywasm.api.OnResponseBody;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnResponseTrailers;
import dev.proxywasm.api.OnVmStart;
import dev.proxywasm.api.ProxyWasmPlugin;

/** Per-stream state in an inner class, every HTTP callback, VM start and plugin shutdown. */
@ProxyWasmPlugin(stream = Rewrite.Exchange.class)
public final class Rewrite {
    @OnVmStart
    boolean vmStart(Configuration vmConfiguration) {
        return true;
    }

    @OnPluginShutdown
    boolean pluginDone() {
        return true;
    }

    final class Exchange {
        String path;

        @OnRequestHeaders
        Action requestHeaders(Headers headers) {
            path = headers.get(":path");
            return Action.CONTINUE;
        }

        @OnRequestBody
        Action requestBody(Body body, int size, boolean endOfStream) {
            return endOfStream ? Action.CONTINUE : Action.PAUSE;
        }

        @OnRequestTrailers
        Action requestTrailers(Headers trailers, int count) {
            return Action.CONTINUE;
        }

        @OnResponseHeaders
        Action responseHeaders(Headers headers, boolean endOfStream, HttpStream stream) {
            headers.remove("content-length");
            return Action.CONTINUE;
        }

        @OnResponseBody
        Action responseBody(boolean endOfStream, Body body) {
            if (!endOfStream) {
                return Action.PAUSE;
            }
            body.set(path);
            return Action.CONTINUE;
        }

        @OnResponseTrailers
        void responseTrailers(HttpStream stream) {}
    }
}
