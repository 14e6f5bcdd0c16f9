package dev.proxywasm.samples.bodychunk;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * The Go SDK's {@code http_body_chunk}: each request body chunk is scanned as it arrives (the body
 * passes through unbuffered); the first chunk holding {@code pattern} ends the request with a 403.
 */
@ProxyWasmPlugin(stream = BodyChunkScan.Scan.class)
public final class BodyChunkScan {
    static final String PATTERN = "pattern";

    static final class Scan {
        private int seen;

        @OnRequestBody
        Action chunk(Body body, int bufferedSize, HttpStream stream) {
            String chunk = body.text();
            seen += bufferedSize;
            if (chunk.contains(PATTERN)) {
                Log.info("forbidden pattern found after " + seen + " bytes");
                stream.sendLocalResponse(LocalResponse.status(403).setBody("forbidden content\n"));
                return Action.PAUSE;
            }
            return Action.CONTINUE;
        }
    }
}
