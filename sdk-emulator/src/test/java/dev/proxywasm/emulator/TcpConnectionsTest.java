package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.PeerType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.api.Action;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpConnectionsTest {
    @Test
    void dataGoesOnWhenThePluginContinuesWithEverythingBufferedSoFar() {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_NEW_CONNECTION, a -> 0)
                .on(GuestExport.PROXY_ON_DOWNSTREAM_DATA, a -> a[1] < 4 ? 1 : 0));
        TcpConnections tcp = emulator.tcp();
        int id = tcp.open();

        assertEquals(Action.PAUSE, tcp.downstreamData(id, new byte[] {1, 2}, false));
        assertArrayEquals(new byte[0], tcp.forwardedDownstreamData(id));
        assertEquals(Action.CONTINUE, tcp.downstreamData(id, new byte[] {3, 4}, false));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, tcp.forwardedDownstreamData(id));
    }

    @Test
    void closesAreToldAndTheConnectionCompletesAsAStreamDoes() {
        List<String> calls = new ArrayList<>();
        Emulator emulator = ScriptedGuest.emulator(g -> {
            g.on(GuestExport.PROXY_ON_UPSTREAM_DATA, a -> {
                g.host.closeStream(StreamType.DOWNSTREAM.code());
                return 0;
            });
            for (GuestExport e : List.of(GuestExport.PROXY_ON_DOWNSTREAM_CONNECTION_CLOSE, GuestExport.PROXY_ON_LOG,
                    GuestExport.PROXY_ON_DONE, GuestExport.PROXY_ON_DELETE)) {
                g.on(e, a -> {
                    calls.add(e.abiName() + (a.length > 1 ? " " + a[1] : ""));
                    return 1;
                });
            }
        });
        TcpConnections tcp = emulator.tcp();
        int id = tcp.open();
        tcp.upstreamData(id, new byte[] {9}, true);
        assertTrue(tcp.isClosed(id));

        tcp.downstreamClosed(id, PeerType.REMOTE);
        tcp.complete(id);

        assertEquals(List.of("proxy_on_downstream_connection_close 2", "proxy_on_log", "proxy_on_done",
                "proxy_on_delete"), calls);
        assertThrows(IllegalArgumentException.class, () -> tcp.isClosed(id));
    }
}
