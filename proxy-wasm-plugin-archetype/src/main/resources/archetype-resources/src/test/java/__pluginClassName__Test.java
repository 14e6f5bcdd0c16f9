package ${package};

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

/** Each test runs twice: [jvm] on the plugin's classes, [wasm] through target/${artifactId}.wasm. */
class ${pluginClassName}Test {

    @ProxyWasmTest
    void addsTheDefaultHeader(HostEmulator host) {
        assertTrue(host.startPlugin());
        int stream = host.initializeHttpContext();

        host.callOnResponseHeaders(stream, List.of(new Header(":status", "200")), true);

        assertHeader(host.getCurrentResponseHeaders(stream), "x-hello", "world");
    }

    @ProxyWasmTest
    void addsTheConfiguredHeader(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("{\"header\": \"x-team\", \"value\": \"edge\"}").startPlugin());
        int stream = host.initializeHttpContext();

        host.callOnResponseHeaders(stream, List.of(new Header(":status", "200")), true);

        assertHeader(host.getCurrentResponseHeaders(stream), "x-team", "edge");
        assertEquals(List.of("${pluginName}: adding x-team: edge"), host.getInfoLogs());
    }

    @ProxyWasmTest
    void refusesConfigurationThatIsNotJson(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("{oops").startPlugin());

        assertEquals(List.of("plugin configuration rejected: $: expected a member name, found 'o'"),
                host.getCriticalLogs());
    }

    @ProxyWasmTest
    void refusesAMisspeltKeyNamingIt(HostEmulator host) {
        assertFalse(host.withPluginConfiguration("{\"headr\": \"x-team\"}").startPlugin());

        assertEquals(List.of("plugin configuration rejected: $.headr: unknown key; expected one of header, value"),
                host.getCriticalLogs());
    }
}
