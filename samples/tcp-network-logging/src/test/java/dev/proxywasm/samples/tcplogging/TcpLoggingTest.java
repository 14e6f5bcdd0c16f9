package dev.proxywasm.samples.tcplogging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Peer;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class TcpLoggingTest {

    @ProxyWasmTest
    void countsBytesEachWayAndLogsThemOnClose(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeTcpContext();

        assertEquals(Action.CONTINUE, host.callOnDownstreamData(id, "hello".getBytes(), false));
        assertEquals(Action.CONTINUE, host.callOnUpstreamData(id, "hi there".getBytes(), false));
        host.callOnDownstreamClose(id, Peer.REMOTE);

        assertEquals(List.of("new connection " + id, "connection " + id + " closed by remote: 5 bytes in, 8 bytes out"),
                host.getInfoLogs());
        assertArrayEquals("hello".getBytes(), host.getCurrentDownstreamData(id));
        assertEquals(1, host.getMetric("tcp_logging_connections_total"));
    }

    @ProxyWasmTest
    void everyConnectionIsCounted(HostEmulator host) {
        assertTrue(host.startPlugin());

        host.initializeTcpContext();
        host.initializeTcpContext();

        assertEquals(2, host.getMetric("tcp_logging_connections_total"));
    }

    @ProxyWasmTest
    void quitClosesTheUpstream(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeTcpContext();

        host.callOnDownstreamData(id, "QUIT\r\n".getBytes(), false);
        host.callOnUpstreamClose(id, Peer.LOCAL);

        assertTrue(host.isConnectionClosed(id));
        assertEquals(List.of("new connection " + id, "client said QUIT: closing connection " + id,
                "upstream of connection " + id + " closed by local"), host.getInfoLogs());
    }
}
