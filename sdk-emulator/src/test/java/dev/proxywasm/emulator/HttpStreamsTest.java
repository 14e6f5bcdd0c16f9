package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpStreamsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPausedRequestHoldsItsBodyUntilThePluginContinues() {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_REQUEST_HEADERS, a -> 1)
                .on(GuestExport.PROXY_ON_REQUEST_BODY, a -> 0));
        HttpStreams http = emulator.http();
        int id = http.open();

        assertEquals(Action.PAUSE, http.requestHeaders(id, List.of(new Header(":path", "/")), false));
        assertEquals(Action.PAUSE, http.requestBody(id, utf8("held"), true));
        assertTrue(http.isRequestPaused(id));
        assertArrayEquals(utf8("held"), http.requestBody(id));
    }

    @Test
    void aBodyCallbackSeesEverythingBufferedAndWhatItLetsThroughIsPassedOn() {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_RESPONSE_BODY,
                a -> a[2] == 1 ? 0 : 1));
        HttpStreams http = emulator.http();
        int id = http.open();
        http.responseHeaders(id, List.of(new Header(":status", "200")), false);

        assertEquals(Action.PAUSE, http.responseBody(id, utf8("ab"), false));
        assertArrayEquals(new byte[0], http.forwardedResponseBody(id));
        assertEquals(Action.CONTINUE, http.responseBody(id, utf8("c"), true));
        assertArrayEquals(utf8("abc"), http.forwardedResponseBody(id));
    }

    @Test
    void aLocalReplyFromTheRequestPathGoesThroughTheResponseCallbacks() {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_REQUEST_HEADERS, a -> {
            g.host.sendLocalResponse(403, utf8("denied"), utf8("no"), new byte[0], -1);
            return 1;
        }).on(GuestExport.PROXY_ON_RESPONSE_HEADERS, a -> {
            g.host.addHeaderMapValue(2, utf8("x-seen"), utf8("yes"));
            return 0;
        }));
        HttpStreams http = emulator.http();
        int id = http.open();

        http.requestHeaders(id, List.of(), true);

        LocalReply reply = http.localReply(id);
        assertEquals(403, reply.status());
        assertEquals("no", reply.text());
        assertEquals("denied", reply.details());
        assertEquals("yes", HeaderMap.of(reply.headers()).get("x-seen"));
    }

    @Test
    void aFailedVmRepliesServiceUnavailableOrPassesWhenFailOpen() {
        for (boolean open : new boolean[] {false, true}) {
            Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_REQUEST_HEADERS, a -> {
                throw new Trap(GuestExport.PROXY_ON_REQUEST_HEADERS, new IllegalStateException("boom"));
            }));
            emulator.vm().setFailOpen(open);
            int id = emulator.http().open();

            Action action = emulator.http().requestHeaders(id, List.of(), true);

            assertEquals(open ? Action.CONTINUE : Action.PAUSE, action);
            if (open) {
                assertNull(emulator.http().localReply(id));
            } else {
                assertEquals("wasm_fail_stream", emulator.http().localReply(id).details());
            }
        }
    }

    @Test
    void completingAStreamLogsItAndForgetsIt() {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_LOG, a -> 0)
                .on(GuestExport.PROXY_ON_REQUEST_HEADERS, a -> {
                    g.host.closeStream(StreamType.REQUEST.code());
                    return 0;
                }));
        HttpStreams http = emulator.http();
        int id = http.open();
        http.requestHeaders(id, List.of(), true);
        assertTrue(http.isClosed(id));

        http.complete(id);

        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> http.isClosed(id));
    }
}
