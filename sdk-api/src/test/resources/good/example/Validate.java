package example;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.OnRequestTrailers;
import dev.proxywasm.api.OnWholeRequestBody;
import dev.proxywasm.api.OnWholeResponseBody;
import dev.proxywasm.api.ProxyWasmPlugin;

/** Whole bodies: a read-only request check beside a trailers handler, and a response rewrite. */
@ProxyWasmPlugin(stream = Validate.Exchange.class)
public final class Validate {
    final class Exchange {
        @OnWholeRequestBody(readOnly = true, maxBytes = 65536)
        Action request(Body body, HttpStream stream) {
            return body.size() > 0 ? Action.CONTINUE : Action.PAUSE;
        }

        @OnRequestTrailers
        void trailers(Headers trailers) {}

        @OnWholeResponseBody
        void response(Body body, int size) {
            body.replace("size " + size);
        }
    }
}
