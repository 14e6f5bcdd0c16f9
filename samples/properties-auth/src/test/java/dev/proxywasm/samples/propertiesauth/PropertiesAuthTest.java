package dev.proxywasm.samples.propertiesauth;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.net.InetSocketAddress;
import java.util.List;

class PropertiesAuthTest {
    /** A request from {@code ip:port}; the emulator derives Envoy's attributes from it, as Envoy does. */
    private static int request(HostEmulator host, String ip, int port) {
        host.withConnection(new InetSocketAddress(ip, port), new InetSocketAddress("10.0.0.100", 18000))
                .withPluginName("edge-auth")
                .withProperty("gateway", "node", "metadata", "WORKLOAD_NAME");
        assertTrue(host.withPluginConfiguration("10.0.0.1,10.0.0.2").startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":method", "GET"), new Header(":path", "/admin"),
                new Header(":authority", "example.com"), new Header("user-agent", "curl/8")), true);
        return id;
    }

    @ProxyWasmTest
    void anAllowedSourcePasses(HostEmulator host) {
        int id = request(host, "10.0.0.2", 51234);

        assertNoLocalResponse(host, id);
        assertEquals("allowed", host.getFilterState(id, "wasm.source_check"));
        assertEquals(List.of("allowing [10.0.0.1, 10.0.0.2] on edge-auth"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void anyOtherSourceIsForbidden(HostEmulator host) {
        int id = request(host, "192.168.7.7", 40000);

        assertLocalResponse(host, id, 403);
        assertEquals("denied 192.168.7.7:40000 GET /admin (user-agent curl/8, workload gateway)",
                host.getInfoLogs().get(1));
    }

    @ProxyWasmTest
    void anIpv6SourceIsMatchedWithoutItsBracketsAndPort(HostEmulator host) {
        host.withConnection(new InetSocketAddress("::1", 51234), new InetSocketAddress("::1", 18000));
        assertTrue(host.withPluginConfiguration("10.0.0.1, ::1").startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/"), new Header(":method", "GET")), true);

        assertNoLocalResponse(host, id);
    }

    @ProxyWasmTest
    void anEmptyConfigurationFailsPluginStartSayingWhy(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("  ").startPlugin());

        assertEquals(List.of("properties-auth: the configuration lists no source address;"
                + " give comma-separated IPs, e.g. 10.0.0.1, ::1"), host.getCriticalLogs());
    }
}
