package dev.proxywasm.samples.customerrors;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.FailurePolicy;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnResponseBody;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.OnResponseTrailers;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * Rewrites upstream error responses of the configured services into RFC 9457
 * {@code application/problem+json} documents; see README.md for the rules. It fails open: it only
 * reshapes responses that are already errors, so if it breaks, the upstream's own response is a
 * better answer than a 500 of ours.
 */
@ProxyWasmPlugin(stream = CustomErrors.Exchange.class, failurePolicy = FailurePolicy.FAIL_OPEN)
public final class CustomErrors {
    private CustomErrorsConfig config;
    private Settings settings;

    /** The configuration passed its checks; what the requests use is made from it on the first one. */
    @OnPluginStart
    void start(CustomErrorsConfig config) {
        this.config = config;
    }

    /**
     * The settings, made on first use rather than at start: V8 compiles each function the first
     * time it runs, and a plugin's start (or update) waits for everything start runs.
     */
    private Settings settings() {
        if (settings == null) {
            settings = Settings.of(config);
        }
        return settings;
    }

    /** One request/response exchange: what the response path needs from the request. */
    final class Exchange {
        private boolean targeted;
        private String path = "";
        private String traceId = ProblemDocument.DEFAULT_TRACE_ID;
        private int status;
        private boolean rewriteBody;

        @OnRequestHeaders
        void request(Headers headers) {
            path = orEmpty(headers.get(":path"));
            targeted = settings().targets(orEmpty(headers.get(":scheme")), orEmpty(headers.get(":authority")), path);
            String traceparent = headers.get("traceparent");
            String requestId = headers.get("x-request-id");
            if (traceparent != null && !traceparent.isEmpty()) {
                traceId = traceparent;
            } else if (requestId != null && !requestId.isEmpty()) {
                traceId = requestId;
            }
        }

        @OnResponseHeaders
        Action response(Headers headers, HttpStream stream, boolean endOfStream) {
            if (!targeted || !eligible(headers)) {
                return Action.CONTINUE;
            }
            Log.info("Response eligible for modification to rfc9457 format");
            if (endOfStream) {
                // No body callback will come: answer with the document instead.
                stream.sendLocalResponse(LocalResponse.status(status)
                        .addHeader("content-type", ProblemDocument.MEDIA_TYPE)
                        .setBody(ProblemDocument.render(settings(), status, path, traceId, new byte[0])));
                Log.info("Successfully transformed the response to rfc9457 format");
                return Action.PAUSE;
            }
            headers.remove("content-length");
            headers.set("content-type", ProblemDocument.MEDIA_TYPE);
            rewriteBody = true;
            return Action.CONTINUE;
        }

        @OnResponseBody
        Action responseBody(Body body, int bufferedSize, boolean endOfStream) {
            if (!rewriteBody) {
                return Action.CONTINUE;
            }
            if (!endOfStream) {
                return Action.PAUSE;
            }
            rewrite(body, body.bytes(0, bufferedSize));
            return Action.CONTINUE;
        }

        /**
         * Trailers end the body (an HTTP/2 response with trailers): Envoy delivered its last chunk
         * without end of stream, so the document is written here, where the body is still held.
         */
        @OnResponseTrailers
        void responseTrailers(HttpStream stream) {
            if (rewriteBody) {
                Body body = stream.responseBody();
                rewrite(body, body.bytes());
            }
        }

        private void rewrite(Body body, byte[] original) {
            rewriteBody = false;
            body.set(ProblemDocument.render(settings(), status, path, traceId, original));
            Log.info("Successfully transformed the response to rfc9457 format");
        }

        private boolean eligible(Headers headers) {
            status = statusOf(headers.get(":status"));
            Settings settings = settings();
            if (status < settings.startStatus() || status > settings.endStatus()) {
                return false;
            }
            String contentType = headers.get("content-type");
            if (contentType != null) {
                int semicolon = contentType.indexOf(';');
                String mediaType = Ascii.lowerCase((semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                        .trim());
                if (mediaType.equals(ProblemDocument.MEDIA_TYPE) || mediaType.startsWith("application/grpc")) {
                    return false;
                }
            }
            String encoding = headers.get("content-encoding");
            return encoding == null || Ascii.lowerCase(encoding.trim()).equals("identity");
        }
    }

    /**
     * The response's status, or -1: ASCII digits after an optional {@code +}, spaces around, as
     * {@code Integer.parseInt(value.trim())} reads a status in the module, without its exception and
     * its 2 KB of code. A value above 999 is no status and reads as -1 (no rewrite, as before).
     */
    private static int statusOf(String value) {
        String digits = value == null ? "" : value.trim();
        int start = digits.startsWith("+") ? 1 : 0;
        if (digits.length() == start) {
            return -1;
        }
        int status = 0;
        for (int i = start; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9' || status > 99) {
                return -1;
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
