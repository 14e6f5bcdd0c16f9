package dev.proxywasm.it.abi;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

/**
 * {@code proxy_set_property} as Envoy handles it: the value goes into the stream's filter state
 * under {@code wasm.<path>}, and only some paths read it back.
 */
class FilterStateTest {

    private static int request(HostEmulator host, String op) {
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/"), new Header("x-op", op)), true);
        return id;
    }

    @ProxyWasmTest
    void aOneSegmentNameReadsBackAndFilterStateReadsAnyKey(HostEmulator host) {
        assertTrue(host.withPluginName("exerciser").startPlugin());

        int id = request(host, "filter-state");

        // my_key, filter_state.wasm.my_key, a.b, a, my_key.field, plugin_name, filter_state.wasm.plugin_name
        assertHeader(host.getCurrentRequestHeaders(id), "x-read", "v1,v1,null,null,null,exerciser,shadow");
        assertEquals("v1", host.getFilterState(id, "wasm.my_key"));
        assertEquals("v2", host.getFilterState(id, "wasm.a\0b"), "a path of several segments is one key");
        assertEquals("v2", host.getProperty("a", "b"), "the test sees what the plugin set at that path");
    }

    @ProxyWasmTest
    void theValueLastsAsLongAsItsStream(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = request(host, "filter-state");
        int other = request(host, "filter-read");

        host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);

        assertHeader(host.getCurrentResponseHeaders(id), "x-read-later", "v1");
        assertHeader(host.getCurrentRequestHeaders(other), "x-read", "null");
        assertNull(host.getFilterState(other, "wasm.my_key"));
    }

    @ProxyWasmTest
    void outsideAStreamThereIsNoFilterStateToSetAPropertyIn(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("root-property").startPlugin());

        assertTrue(host.getInfoLogs().contains("root property: null"), host.getInfoLogs()::toString);
        assertNull(host.getProperty("root_key"));
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void theTestsPropertiesComeFirst(HostEmulator host) {
        host.withProperty("from the test", "my_key");
        assertTrue(host.startPlugin());

        int id = request(host, "filter-state");

        assertTrue(host.getCurrentRequestHeaders(id).contains(new Header("x-read",
                "from the test,v1,null,null,null,,shadow")), host.getCurrentRequestHeaders(id)::toString);
    }
}
