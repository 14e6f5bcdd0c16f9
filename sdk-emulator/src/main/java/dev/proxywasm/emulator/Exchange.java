package dev.proxywasm.emulator;

import dev.proxywasm.api.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A whole HTTP exchange through the plugin, from request to response, with what Envoy does between
 * the callbacks: the request body chunk by chunk as it arrives and its trailers; a stream the
 * plugin closed is reset, a local reply answers in place of the upstream, a request still paused
 * gets a 504; then the upstream's answer the same way, each piece the plugin lets through written
 * to the client at once, the headers when the plugin no longer holds them, then the trailers.
 * Like an Envoy worker it runs one callback at a time.
 */
public final class Exchange {
    /** The client's side: the request as it arrives, and the answer as the plugin lets it through. */
    public interface Client {
        /** The request headers, pseudo-headers ({@code :path}, {@code :method}, …) included. */
        List<Header> requestHeaders();

        /** The next chunk of the request body as the client sent it; null once it ended. */
        byte[] readRequestChunk() throws IOException;

        /** The request's trailers, once its body ended; empty if it had none. */
        List<Header> requestTrailers();

        /** Sends the status and headers; the body follows. */
        void respond(int status, List<Header> headers) throws IOException;

        /** Sends a piece of the body. */
        void write(byte[] chunk) throws IOException;

        /** Ends the answer, with its trailers (if any). */
        void finish(List<Header> trailers) throws IOException;

        /** Ends the exchange without (the rest of) an answer: Envoy's stream reset. */
        void reset();
    }

    /** The upstream's answer as it arrives. */
    public interface Answer {
        int status();

        /** The headers, without {@code :status}. */
        List<Header> headers();

        /** The next chunk of the body; null once it ended. */
        byte[] read() throws IOException;

        /** The trailers, once the body ended; empty if none. */
        List<Header> trailers();
    }

    /** Where the request goes once the plugin let it through, as the plugin left it. */
    @FunctionalInterface
    public interface Upstream {
        Answer send(List<Header> headers, byte[] body, List<Header> trailers) throws IOException;
    }

    /** What the proxy does around the plugin's work. */
    public interface Hooks {
        /** After every callback: e.g. perform the callouts the plugin made. */
        void afterCallback();

        /** Before the answer ends or the stream is reset: e.g. show what the plugin logged. */
        void beforeEnd();

        /** The plugin reset the stream. */
        void onReset();

        /**
         * The plugin left the request paused after its last request callback. Envoy holds such a
         * request until something resumes it (a tick, a callout's answer, another stream's
         * callback acting on it); a driver with such events waits while {@code paused} holds, and
         * returns whether the request went on. By default nothing can resume it.
         */
        default boolean awaitResume(java.util.function.BooleanSupplier paused) {
            return !paused.getAsBoolean();
        }
    }

    private final Emulator emulator;

    public Exchange(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Runs one exchange; the stream is complete ({@code proxy_on_log} ...) when this returns. */
    public void run(Client client, Upstream upstream, Hooks hooks) throws IOException {
        HttpStreams http = emulator.http();
        int id = http.open();
        try {
            // The end of a body whose length was not announced comes, as in Envoy, as an empty last
            // chunk (or as the trailers).
            byte[] chunk = client.readRequestChunk();
            List<Header> trailers = chunk == null ? client.requestTrailers() : List.of();
            http.requestHeaders(id, client.requestHeaders(), chunk == null && trailers.isEmpty());
            hooks.afterCallback();
            if (chunk != null) {
                for (; chunk != null; chunk = client.readRequestChunk()) {
                    http.requestBody(id, chunk, false);
                    hooks.afterCallback();
                }
                trailers = client.requestTrailers();
                if (trailers.isEmpty()) {
                    http.requestBody(id, new byte[0], true);
                    hooks.afterCallback();
                }
            }
            if (!trailers.isEmpty()) {
                http.requestTrailers(id, trailers);
                hooks.afterCallback();
            }
            if (endedByPlugin(id, client, hooks)) {
                return;
            }
            boolean resumed = hooks.awaitResume(
                    () -> http.isRequestPaused(id) && !http.isClosed(id) && http.localReply(id) == null);
            if (endedByPlugin(id, client, hooks)) {
                return;
            }
            if (!resumed) {
                answerWhole(client, hooks, 504, List.of(new Header("content-type", "text/plain")),
                        "the plugin paused the request and never resumed it\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            new ResponsePath(http, id, client, hooks).run(upstream.send(http.requestHeaders(id), http.requestBody(id),
                    http.requestTrailers(id)));
        } finally {
            http.complete(id);
        }
    }

    /** Whether the plugin ended the stream itself (a reset, or a local reply), answered here if so. */
    static boolean endedByPlugin(HttpStreams http, int id, Client client, Hooks hooks) throws IOException {
        if (http.isClosed(id)) {
            reset(client, hooks);
            return true;
        }
        LocalReply reply = http.localReply(id);
        if (reply != null) {
            answerWhole(client, hooks, reply.status(), withoutPseudoHeaders(reply.headers()), reply.body());
            return true;
        }
        return false;
    }

    private boolean endedByPlugin(int id, Client client, Hooks hooks) throws IOException {
        return endedByPlugin(emulator.http(), id, client, hooks);
    }

    static void reset(Client client, Hooks hooks) {
        hooks.beforeEnd();
        hooks.onReset();
        client.reset();
    }

    /** An answer the proxy has whole: a local reply, or its own. */
    private static void answerWhole(Client client, Hooks hooks, int status, List<Header> headers, byte[] body)
            throws IOException {
        client.respond(status, headers);
        client.write(body);
        finish(client, hooks, List.of());
    }

    static void finish(Client client, Hooks hooks, List<Header> trailers) throws IOException {
        hooks.beforeEnd();
        client.finish(trailers);
    }

    static List<Header> withoutPseudoHeaders(List<Header> headers) {
        List<Header> out = new ArrayList<>();
        for (Header h : headers) {
            if (!h.name().startsWith(":")) {
                out.add(h);
            }
        }
        return out;
    }

    /** The answer's way back through the plugin to the client. */
    private static final class ResponsePath {
        private final HttpStreams http;
        private final int id;
        private final Client client;
        private final Hooks hooks;
        private boolean committed;
        private int sent;

        ResponsePath(HttpStreams http, int id, Client client, Hooks hooks) {
            this.http = http;
            this.id = id;
            this.client = client;
            this.hooks = hooks;
        }

        void run(Answer answer) throws IOException {
            List<Header> headers = new ArrayList<>();
            headers.add(new Header(":status", Integer.toString(answer.status())));
            headers.addAll(answer.headers());
            byte[] chunk = answer.read();
            List<Header> trailers = chunk == null ? answer.trailers() : List.of();
            http.responseHeaders(id, headers, chunk == null && trailers.isEmpty());
            hooks.afterCallback();
            // Sent from the response headers, a local reply replaces the answer.
            if (endedByPlugin(http, id, client, hooks)) {
                return;
            }
            boolean hadBody = chunk != null;
            for (boolean last = false; chunk != null || hadBody && !last; ) {
                last = chunk == null;
                if (last) {
                    trailers = answer.trailers();
                    if (!trailers.isEmpty()) {
                        break;
                    }
                }
                http.responseBody(id, last ? new byte[0] : chunk, last);
                hooks.afterCallback();
                if (http.isClosed(id) || committed && http.localReply(id) != null) {
                    reset(client, hooks);
                    return;
                }
                if (!committed && !http.isResponsePaused(id)) {
                    commit(answer.status());
                }
                if (committed) {
                    writeForwarded();
                }
                chunk = last ? null : answer.read();
            }
            if (!trailers.isEmpty()) {
                http.responseTrailers(id, trailers);
                hooks.afterCallback();
                if (http.isClosed(id)) {
                    reset(client, hooks);
                    return;
                }
            }
            if (!committed) {
                commit(answer.status());
            }
            writeForwarded();
            finish(client, hooks, http.responseTrailers(id));
        }

        /** Sends the response headers as the plugin left them. */
        private void commit(int upstreamStatus) throws IOException {
            List<Header> headers = http.responseHeaders(id);
            String status = HeaderMap.of(headers).get(":status");
            client.respond(Integer.parseInt(status == null ? Integer.toString(upstreamStatus) : status),
                    withoutPseudoHeaders(headers));
            committed = true;
        }

        /** Writes what the plugin let through since the last write. */
        private void writeForwarded() throws IOException {
            byte[] forwarded = http.forwardedResponseBody(id);
            if (forwarded.length > sent) {
                client.write(Arrays.copyOfRange(forwarded, sent, forwarded.length));
            }
            sent = forwarded.length;
        }
    }
}
