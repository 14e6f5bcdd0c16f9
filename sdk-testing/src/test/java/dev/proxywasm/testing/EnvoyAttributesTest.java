package dev.proxywasm.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proxywasm.api.Header;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.HostCallException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvoyAttributesTest {
    private final EmulatedHost host = new EmulatedHost();

    private static byte[] path(String... segments) {
        return String.join("\0", segments).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private EmulatedHost.Stream streamWithRequest() {
        host.rootContextId = 1;
        EmulatedHost.Stream stream = host.openStream(2);
        stream.requestHeaders.setAll(List.of(new Header(":path", "/a?b=c")));
        stream.info.requestHeadersReceived = true;
        host.activeContext = 2;
        return stream;
    }

    @Test
    void ipv6AddressesAsInetNtopPrintsThem() throws Exception {
        assertEquals("[::1]:80", format("::1", 80));
        assertEquals("[::]:80", format("::", 80));
        assertEquals("[2001:db8::1]:443", format("2001:db8:0:0:0:0:0:1", 443));
        assertEquals("[2001:db8:0:1:1:1:1:1]:443", format("2001:db8:0:1:1:1:1:1", 443), "a single zero group stays");
        assertEquals("[2001:0:0:1::1]:443", format("2001:0:0:1:0:0:0:1", 443), "the longest run is compressed");
        assertEquals("[2001:db8::1:0:0:1]:443", format("2001:db8:0:0:1:0:0:1", 443), "the first of equal runs");
        assertEquals("[fe80::abcd:ef01]:1", format("FE80:0:0:0:0:0:ABCD:EF01", 1));
        assertEquals("[::1.2.3.4]:9", format("::1.2.3.4", 9), "IPv4-compatible");
        assertEquals("10.0.0.1:5000", format("10.0.0.1", 5000));
    }

    private static String format(String ip, int port) throws Exception {
        return EnvoyAttributes.format(new InetSocketAddress(InetAddress.getByName(ip), port));
    }

    @Test
    void aGroupCannotBeSerialisedAsInEnvoy() {
        streamWithRequest();

        HostCallException e = assertThrows(HostCallException.class, () -> host.getProperty(path("request")));
        assertEquals(WasmResult.SERIALIZATION_FAILURE, e.result());
    }

    @Test
    void aTrailingNulNamesTheSamePath() {
        streamWithRequest();

        assertArrayEquals(utf8("/a?b=c"), host.getProperty(utf8("request\0path\0")));
        assertArrayEquals(utf8("b=c"), host.getProperty(path("request", "query")));
    }

    @Test
    void requestAttributesWaitForTheRequestHeaders() {
        EmulatedHost.Stream stream = streamWithRequest();
        stream.info.requestHeadersReceived = false;

        assertNull(host.getProperty(path("request", "path")));
        assertArrayEquals(utf8("127.0.0.1:51000"), host.getProperty(path("source", "address")),
                "the connection is known from the start");
    }

    @Test
    void theRootContextHasNoStreamAttributes() {
        streamWithRequest();
        host.pluginName = "p";
        host.activeContext = 1;

        assertNull(host.getProperty(path("request", "path")));
        assertNull(host.getProperty(path("source", "address")));
        assertNull(host.getProperty(path("connection_id")));
        assertArrayEquals(utf8("p"), host.getProperty(path("plugin_name")));
    }

    @Test
    void aPropertyTheTestSuppliesComesFirst() {
        streamWithRequest();
        host.properties.put("request\0path", utf8("/set"));

        assertArrayEquals(utf8("/set"), host.getProperty(path("request", "path")));
        assertArrayEquals(utf8("/a"), host.getProperty(path("request", "url_path")));
    }

    @Test
    void whatThePluginSetsGoesToTheFilterStateAndNeverShadowsAnAttribute() {
        streamWithRequest();
        host.setProperty(path("request", "path"), utf8("/set"));
        host.setProperty(path("request"), utf8("mine"));
        host.setProperty(path("verdict"), utf8("allow"));

        assertArrayEquals(utf8("/a?b=c"), host.getProperty(path("request", "path")));
        assertArrayEquals(utf8("/set"), host.filterState.get(2, "wasm.request\0path"));
        assertArrayEquals(utf8("mine"), host.getProperty(path("filter_state", "wasm.request")));
        assertArrayEquals(utf8("allow"), host.getProperty(path("verdict")));
        assertArrayEquals(utf8("allow"), host.getProperty(path("filter_state", "wasm.verdict")));
        assertNull(host.getProperty(path("verdict", "more")));
    }

    @Test
    void theRootContextHasNoFilterState() {
        streamWithRequest();
        host.activeContext = 1;

        assertFalse(host.storeProperty(path("verdict"), utf8("allow")));
        assertNull(host.getProperty(path("verdict")));
        host.activeContext = 2;
        assertNull(host.getProperty(path("verdict")));
    }
}
