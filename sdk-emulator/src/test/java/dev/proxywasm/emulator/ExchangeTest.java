package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.api.Header;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeTest {
    /** A client that sends a body in chunks and records the answer. */
    private static final class RecordingClient implements Exchange.Client {
        final Deque<byte[]> chunks = new ArrayDeque<>();
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        RecordingClient(String... parts) {
            for (String part : parts) {
                chunks.add(part.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public List<Header> requestHeaders() {
            return List.of(new Header(":method", "POST"), new Header(":path", "/"));
        }

        @Override
        public byte[] readRequestChunk() {
            return chunks.poll();
        }

        @Override
        public List<Header> requestTrailers() {
            return List.of();
        }

        @Override
        public void respond(int status, List<Header> headers) {
            events.add("respond " + status);
        }

        @Override
        public void write(byte[] chunk) {
            body.writeBytes(chunk);
        }

        @Override
        public void finish(List<Header> trailers) {
            events.add("finish " + body.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void reset() {
            events.add("reset");
        }
    }

    private static final Exchange.Hooks NO_HOOKS = new Exchange.Hooks() {
        @Override
        public void afterCallback() {}

        @Override
        public void beforeEnd() {}

        @Override
        public void onReset() {}
    };

    private static Exchange.Answer answer(int status, String... chunks) {
        Deque<byte[]> body = new ArrayDeque<>();
        for (String chunk : chunks) {
            body.add(chunk.getBytes(StandardCharsets.UTF_8));
        }
        return new Exchange.Answer() {
            public int status() {
                return status;
            }

            public List<Header> headers() {
                return List.of();
            }

            public byte[] read() {
                return body.poll();
            }

            public List<Header> trailers() {
                return List.of();
            }
        };
    }

    @Test
    void theRequestBodyArrivesInChunksAndTheAnswerStreamsThrough() throws Exception {
        List<String> upstream = new ArrayList<>();
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_REQUEST_BODY, a -> 0)
                .on(GuestExport.PROXY_ON_LOG, a -> 0));
        RecordingClient client = new RecordingClient("a", "b");

        new Exchange(emulator).run(client, (headers, body, trailers) -> {
            upstream.add(new String(body, StandardCharsets.UTF_8));
            return answer(200, "x", "y");
        }, NO_HOOKS);

        assertEquals(List.of("ab"), upstream);
        assertEquals(List.of("respond 200", "finish xy"), client.events);
    }

    @Test
    void aRequestThePluginNeverResumesGetsGatewayTimeoutAndNoUpstream() throws Exception {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_REQUEST_HEADERS, a -> 1));
        RecordingClient client = new RecordingClient();

        new Exchange(emulator).run(client, (headers, body, trailers) -> {
            throw new AssertionError("the upstream was called");
        }, NO_HOOKS);

        assertEquals(List.of("respond 504", "finish the plugin paused the request and never resumed it\n"),
                client.events);
    }

    @Test
    void aLocalReplyAnswersInPlaceOfTheUpstream() throws Exception {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_REQUEST_HEADERS, a -> {
            g.host.sendLocalResponse(401, new byte[0], "who?".getBytes(StandardCharsets.UTF_8), new byte[0], -1);
            return 1;
        }));
        RecordingClient client = new RecordingClient();

        new Exchange(emulator).run(client, (headers, body, trailers) -> {
            throw new AssertionError("the upstream was called");
        }, NO_HOOKS);

        assertEquals(List.of("respond 401", "finish who?"), client.events);
    }
}
