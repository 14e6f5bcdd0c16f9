package dev.proxywasm.samples.headerrouting;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class HeaderRoutingTest {

    @ProxyWasmTest
    void versionTwoGoesToTheV2Prefix(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/orders?x=1"), new Header("x-api-version", "2")), true);

        assertHeader(host.getCurrentRequestHeaders(id), ":path", "/v2/orders?x=1");
        assertNoHeader(host.getCurrentRequestHeaders(id), "x-api-version");
    }

    @ProxyWasmTest
    void everythingElseGoesToV1(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/orders")), true);

        assertHeader(host.getCurrentRequestHeaders(id), ":path", "/v1/orders");
    }

    @ProxyWasmTest
    void internalHeadersFromClientsAreDropped(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/a"), new Header("x-internal-user", "admin"),
                new Header("accept", "*/*")), true);

        assertEquals(List.of(new Header(":path", "/v1/a"), new Header("accept", "*/*")),
                host.getCurrentRequestHeaders(id));
    }

    @ProxyWasmTest
    void oversizedHeadersAreRefused(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":path", "/a"), new Header("cookie", "x".repeat(9000))), true);

        assertLocalResponse(host, id, 431);
    }
}
