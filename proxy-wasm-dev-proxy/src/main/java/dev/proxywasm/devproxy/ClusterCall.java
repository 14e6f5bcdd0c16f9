package dev.proxywasm.devproxy;

import dev.proxywasm.api.Header;
import dev.proxywasm.emulator.Callout;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP callout to a mapped cluster, with the outcome Envoy's async client would give the plugin
 * ({@code source/common/http/async_client_impl.cc} and the router it runs): an answer, or a
 * failure. Envoy's router answers itself when no answer starts: 503 when the upstream cannot be
 * reached or drops the connection first, 504 when the timeout passes first. Only a call reset
 * after the answer started (a broken connection, the timeout) or an answer over the async client's
 * 32 MiB buffer is a failure ({@code onHttpCallFailure}).
 */
final class ClusterCall {
    /** Envoy's {@code kBufferLimitForResponse}. */
    static final int RESPONSE_BUFFER_LIMIT = 32 * 1024 * 1024;
    /** How long a call with timeout 0 (none, in Envoy) may take here. */
    private static final long NO_TIMEOUT_MILLIS = 60_000;

    /** An answer ({@code failure} null), or a failure and why; {@code note} says what Envoy did, if anything. */
    record Outcome(int status, List<Header> headers, byte[] body, String failure, String note) {
        static Outcome failed(String why) {
            return new Outcome(0, List.of(), new byte[0], why, null);
        }

        /** The local reply of Envoy's router. */
        static Outcome routerReply(int status, String body, String why) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Outcome(status, List.of(new Header("content-length", Integer.toString(bytes.length)),
                    new Header("content-type", "text/plain")), bytes, null, why);
        }
    }

    private ClusterCall() {}

    /** Sends {@code call} to {@code base} and waits for the outcome. */
    static Outcome perform(HttpClient http, URI base, Callout call) {
        URI target = base.resolve(PluginRunner.valueOf(call.headers(), ":path", "/"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .method(PluginRunner.valueOf(call.headers(), ":method", "GET"), call.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        PluginRunner.copyHeaders(call.headers(), builder);
        AtomicBoolean answerStarted = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(builder.build(), info -> {
            answerStarted.set(true);
            return new LimitedBody(RESPONSE_BUFFER_LIMIT);
        });
        long timeout = call.timeoutMilliseconds() > 0 ? call.timeoutMilliseconds() : NO_TIMEOUT_MILLIS;
        try {
            HttpResponse<byte[]> response = pending.get(timeout, TimeUnit.MILLISECONDS);
            return new Outcome(response.statusCode(), PluginRunner.headersOf(response), response.body(), null, null);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return answerStarted.get()
                    ? Outcome.failed("no whole answer within " + timeout + " ms; Envoy resets the call")
                    : Outcome.routerReply(504, "upstream request timeout", "no answer within " + timeout + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (causedBy(cause, LimitExceeded.class)) {
                return Outcome.failed("the answer exceeds Envoy's " + RESPONSE_BUFFER_LIMIT + "-byte callout buffer");
            }
            if (answerStarted.get()) {
                return Outcome.failed("the answer broke off: " + cause);
            }
            String reason = causedBy(cause, HttpConnectTimeoutException.class) ? "connection timeout"
                    : causedBy(cause, ConnectException.class) ? "remote connection failure" : "connection termination";
            return Outcome.routerReply(503, "upstream connect error or disconnect/reset before headers. reset reason: "
                    + reason, String.valueOf(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return Outcome.failed("interrupted");
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The body is over the limit. */
    private static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("response body over the limit");
        }
    }

    /** Collects the body, or fails with {@link LimitExceeded} as soon as it passes {@code limit} bytes. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final List<byte[]> parts = new ArrayList<>();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long size;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                size += buffer.remaining();
                if (size > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new LimitExceeded());
                    return;
                }
                byte[] part = new byte[buffer.remaining()];
                buffer.get(part);
                parts.add(part);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            byte[] body = new byte[(int) size];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, body, at, part.length);
                at += part.length;
            }
            result.complete(body);
        }
    }
}
