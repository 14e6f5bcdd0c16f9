package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.api.Header;
import dev.proxywasm.runtime.HostCallException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncEventsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final List<Header> CALL = List.of(new Header(":method", "GET"), new Header(":path", "/"),
            new Header(":authority", "auth"));

    @Test
    void aCalloutsAnswerIsReadableOnlyWhileItsCallbackRuns() {
        List<Object> seen = new ArrayList<>();
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_HTTP_CALL_RESPONSE, a -> {
            seen.add(new String(g.host.getHeaderMapValue(MapType.HTTP_CALL_RESPONSE_HEADERS.code(), utf8(":status")),
                    StandardCharsets.UTF_8));
            seen.add(new String(g.host.getBufferBytes(BufferType.HTTP_CALL_RESPONSE_BODY.code(), 0, 100),
                    StandardCharsets.UTF_8));
            return 0;
        }));
        int token = emulator.host().httpCall(utf8("auth"), dev.proxywasm.runtime.HeaderPairs.encode(CALL),
                new byte[0], new byte[0], 100);

        emulator.events().calloutResponse(token, List.of(new Header(":status", "200")), utf8("ok"), List.of());

        assertEquals(List.of("200", "ok"), seen);
        assertEquals(List.of(), emulator.callouts().pending());
        HostCallException outside = assertThrows(HostCallException.class,
                () -> emulator.host().getHeaderMapValue(MapType.HTTP_CALL_RESPONSE_HEADERS.code(), utf8(":status")));
        assertEquals(WasmResult.BAD_ARGUMENT, outside.result());
        assertNull(emulator.host().getBufferBytes(BufferType.HTTP_CALL_RESPONSE_BODY.code(), 0, 100));
    }

    @Test
    void aFailedCalloutTellsBrokenConnectionAndReset() {
        List<Object> seen = new ArrayList<>();
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_HTTP_CALL_RESPONSE, a -> {
            seen.add(g.host.getStatus().code());
            seen.add(new String(g.host.getStatus().message(), StandardCharsets.UTF_8));
            seen.add(a[2] + a[3] + a[4]);
            return 0;
        }));
        int token = emulator.host().httpCall(utf8("auth"), dev.proxywasm.runtime.HeaderPairs.encode(CALL),
                new byte[0], new byte[0], 100);

        emulator.events().calloutFailure(token);

        assertEquals(List.of(WasmResult.BROKEN_CONNECTION.code(), "reset", 0), seen);
        assertArrayEquals(new byte[0], emulator.host().getStatus().message(), "Envoy clears the message afterwards");
        assertThrows(IllegalArgumentException.class, () -> emulator.events().calloutFailure(token));
    }

    @Test
    void aGrpcCloseForgetsTheCallAndTellsItsStatus() {
        int[] status = new int[1];
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_GRPC_CLOSE, a -> {
            status[0] = g.host.getStatus().code();
            return 0;
        }));
        int token = emulator.host().grpcStream(utf8("cluster"), utf8("svc"), utf8("m"), new byte[0]);
        assertEquals(1, emulator.grpcCalls().open().size());

        emulator.events().grpcClose(token, 14, "unavailable");

        assertEquals(14, status[0]);
        assertEquals(List.of(), emulator.grpcCalls().open());
    }
}
