package dev.proxywasm.it.config;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The generated parser of {@link RouteGuardConfig}, in both modes: what it accepts and how it reads
 * it, and for each kind of mistake the one log line, with the JSON path, that fails plugin start.
 */
class TypedConfigurationTest {
    private static final String FULL = """
            {"name": "edge", "port": 9090, "mode": "REPORT", "limit": 5000000000, "verbose": true,
             "rules": [{"path": "/admin", "status": 401, "method": "GET", "tags": ["a", "b"]},
                       {"path": "/caf\\u00e9/\u00e9t\u00e9"}],
             "metric-labels": {"zone": 3, "tier": -1}}
            """;

    /** What the plugin read, as its request handler reports it. */
    private static String readAs(HostEmulator host) {
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/")), true);
        for (Header header : host.getCurrentRequestHeaders(id)) {
            if (header.name().equals("x-configuration")) {
                return header.value();
            }
        }
        throw new AssertionError("no x-configuration header");
    }

    @ProxyWasmTest
    void readsEveryMemberOfAFullConfiguration(HostEmulator host) {
        assertTrue(host.withPluginConfiguration(FULL).startPlugin(), host.getAllLogs().toString());

        assertEquals("name=edge port=9090 mode=REPORT limit=5000000000 verbose=true rules=[/admin 401 GET [a, b],"
                + " /café/été 403 null []] labels={zone=3, tier=-1}", readAs(host));
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void appliesDefaultsToAbsentMembers(HostEmulator host) {
        assertTrue(host.withPluginConfiguration(" {\"name\":\"min\"}\n").startPlugin(), host.getAllLogs().toString());

        assertEquals("name=min port=8080 mode=ENFORCE limit=null verbose=false rules=[] labels={}", readAs(host));
    }

    @ProxyWasmTest
    void anAcceptedConfigurationServesRequests(HostEmulator host) {
        assertTrue(host.withPluginConfiguration("{\"name\": \"g\", \"rules\": [{\"path\": \"/\"}]}").startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/x")), true);

        assertHeader(host.getCurrentRequestHeaders(id), "x-configuration",
                "name=g port=8080 mode=ENFORCE limit=null verbose=false rules=[/ 403 null []] labels={}");
    }

    private static void assertRejected(HostEmulator host, String configuration, String line) {
        assertRejected(host, configuration.getBytes(StandardCharsets.UTF_8), line);
    }

    private static void assertRejected(HostEmulator host, byte[] configuration, String line) {
        assertFalse(host.withPluginConfiguration(configuration).startPlugin(), "the plugin started");
        assertEquals(List.of("plugin configuration rejected: " + line), host.getCriticalLogs());
        assertEquals(List.of(), host.getErrorLogs());
    }

    @ProxyWasmTest
    void aValueOutOfRangeInAListElement(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"rules\": [{\"path\": \"/a\"}, {\"path\": \"/b\"},"
                + " {\"path\": \"/c\", \"status\": 700}]}",
                "$.rules[2].status: expected an integer from 100 to 599, found 700");
    }

    @ProxyWasmTest
    void anUnknownKey(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"rules\": [{\"path\": \"/a\", \"colour\": \"red\"}]}",
                "$.rules[0].colour: unknown key; expected one of path, status, method, tags");
    }

    @ProxyWasmTest
    void theJavaNameOfARenamedKey(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"labels\": {}}",
                "$.labels: unknown key; expected one of name, port, mode, limit, verbose, rules, metric-labels");
    }

    @ProxyWasmTest
    void aNumberAsAString(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"port\": \"80\"}",
                "$.port: expected an integer from 1 to 65535, found \"80\"");
    }

    @ProxyWasmTest
    void aFractionWhereAWholeNumberBelongs(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"port\": 80.5}",
                "$.port: expected an integer from 1 to 65535, found 80.5");
    }

    @ProxyWasmTest
    void aNumberBeyondLong(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"limit\": 99999999999999999999}",
                "$.limit: expected an integer from 1 to 9223372036854775807, found 99999999999999999999");
    }

    @ProxyWasmTest
    void aWrongTypeInAMap(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"metric-labels\": {\"zone\": true}}",
                "$.metric-labels.zone: expected an integer from -9223372036854775808 to 9223372036854775807,"
                        + " found true");
    }

    @ProxyWasmTest
    void nullIsNotAbsence(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"mode\": null}",
                "$.mode: expected one of ENFORCE, REPORT, found null");
    }

    @ProxyWasmTest
    void anEnumConstantThatDoesNotExist(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"mode\": \"BLOCK\"}",
                "$.mode: expected one of ENFORCE, REPORT, found \"BLOCK\"");
    }

    @ProxyWasmTest
    void aValueOutsideTheAllowedOnes(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"rules\": [{\"path\": \"/\", \"method\": \"PUT\"}]}",
                "$.rules[0].method: expected one of GET, POST, DELETE, found \"PUT\"");
    }

    @ProxyWasmTest
    void aMissingRequiredKey(HostEmulator host) {
        assertRejected(host, "{\"rules\": [{\"status\": 404}]}", "$.rules[0]: missing required key \"path\"");
    }

    @ProxyWasmTest
    void anEmptyStringWhereContentIsRequired(HostEmulator host) {
        assertRejected(host, "{\"name\": \"\"}", "$.name: expected a non-empty string, found an empty one");
    }

    @ProxyWasmTest
    void anEmptyList(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"rules\": []}", "$.rules: expected a non-empty list, found an empty one");
    }

    @ProxyWasmTest
    void theRecordsOwnCheck(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"rules\": [{\"path\": \"/a\"}, {\"path\": \"admin\"}]}",
                "$.rules[1]: path must start with '/', found \"admin\"");
    }

    @ProxyWasmTest
    void aDuplicateKey(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"port\": 1, \"name\": \"h\"}", "$.name: the key appears twice");
    }

    @ProxyWasmTest
    void invalidUtf8(HostEmulator host) {
        byte[] bytes = "{\"name\": \"g?\"}".getBytes(StandardCharsets.UTF_8);
        bytes[11] = (byte) 0xC0;
        assertRejected(host, bytes, "$: invalid UTF-8 at byte 11");
    }

    @ProxyWasmTest
    void aLoneSurrogateEscape(HostEmulator host) {
        assertRejected(host, "{\"name\": \"\\ud800x\"}", "$.name: a lone surrogate escape in a string");
    }

    @ProxyWasmTest
    void notAnObject(HostEmulator host) {
        assertRejected(host, "[1, 2]", "$: expected an object, found an array");
    }

    @ProxyWasmTest
    void anEmptyConfigurationIsAnEmptyObjectAndMissesTheRequiredKey(HostEmulator host) {
        assertRejected(host, "", "$: missing required key \"name\"");
    }

    @ProxyWasmTest
    void aConfigurationOfWhitespaceIsEmpty(HostEmulator host) {
        assertRejected(host, " \n\t", "$: missing required key \"name\"");
    }

    @ProxyWasmTest
    void aTruncatedConfiguration(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"rules\": [{\"path\": \"/a\"",
                "$.rules[0]: expected ',' or '}', found the end of the configuration");
    }

    @ProxyWasmTest
    void somethingAfterTheObject(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\"} {}", "$: expected the end of the configuration, found an object");
    }

    @ProxyWasmTest
    void deepNesting(HostEmulator host) {
        assertRejected(host, "{\"name\": \"g\", \"rules\": [{\"path\": \"/\", \"tags\": " + "[".repeat(100),
                "$.rules[0].tags[0]: expected a string, found an array");
    }
}
