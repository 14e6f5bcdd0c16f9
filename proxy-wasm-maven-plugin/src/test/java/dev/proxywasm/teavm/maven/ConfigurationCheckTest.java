package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A configuration against the schema the processor writes for it/config-plugin's
 * {@code RouteGuardConfig} (with its {@code Rule} under {@code $defs}), plus members of the
 * {@code anyOf} shapes: one value or a list, an integer or a numeric string, an object or a list
 * of one-key objects, one of two objects; and a {@code oneOf}.
 */
class ConfigurationCheckTest {
    private static final String SCHEMA = resource("route-guard.schema.json");

    private static List<String> check(String config) {
        return ConfigurationCheck.violations(SCHEMA, config);
    }

    @Test
    void aConformingConfigurationHasNoViolations() {
        assertEquals(List.of(), check("""
                {"name": "guard", "port": 9090, "mode": "REPORT", "limit": 5, "verbose": true,
                 "rules": [{"path": "/admin", "status": 401, "method": "POST", "tags": ["a"]}, {"path": "/x"}],
                 "metric-labels": {"zone": 3}, "upstreams": ["a", "b"], "timeout": "30",
                 "headers": [{"x-a": "1"}, {"x-a": "2"}], "auth": {"user": "ops"}, "weight": 0}
                """));
        assertEquals(List.of(), check("""
                {"name": "guard", "upstreams": "a", "timeout": 30, "headers": {"x-a": "1"}, "auth": {"token": "t"}}
                """));
    }

    @Test
    void whatThePluginsParserRefusesBeyondTheSchemaIsRefusedToo() {
        String wholeNumbers = " (a configuration holds whole numbers, written without a fraction or exponent)";
        assertEquals(List.of("$.port: expected an integer, found 2.0" + wholeNumbers),
                check("{\"name\": \"g\", \"port\": 2.0}"));
        assertEquals(List.of("$.rules[0].status: expected an integer, found 404.0" + wholeNumbers),
                check("{\"name\": \"g\", \"rules\": [{\"path\": \"/\", \"status\": 4.04e2}]}"));
        assertEquals(List.of("$.name: a lone surrogate escape in a string"), check("{\"name\": \"\\ud800\"}"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> check("{\"name\": \"g\", \"port\": 1, \"port\": 2}"));
        assertTrue(twice.getMessage().startsWith("the configuration repeats a key, which the plugin refuses: ")
                && twice.getMessage().contains("\"port\""), twice.getMessage());
    }

    @Test
    void aMissingRequiredKeyIsNamedWhereItIsMissing() {
        assertEquals(List.of("$: missing required key \"name\""), check("{}"));
        assertEquals(List.of("$.rules[1]: missing required key \"path\""),
                check("{\"name\": \"g\", \"rules\": [{\"path\": \"/a\"}, {\"status\": 404}]}"));
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKeysThatAreAllowed() {
        assertEquals(List.of("$.prot: unknown key; expected one of name, port, mode, limit, verbose, rules,"
                + " metric-labels, upstreams, timeout, headers, auth, weight"), check("{\"name\": \"g\", \"prot\": 80}"));
        assertEquals(List.of("$.rules[0].pathPrefix: unknown key; expected one of path, status, method, tags"),
                check("{\"name\": \"g\", \"rules\": [{\"path\": \"/a\", \"pathPrefix\": \"/b\"}]}"));
    }

    @Test
    void anIntegerOutOfRangeSaysTheBoundAndTheValue() {
        assertEquals(List.of("$.port: expected at most 65535, found 70000", "$.limit: expected at least 1, found 0"),
                check("{\"name\": \"g\", \"port\": 70000, \"limit\": 0}"));
        assertEquals(List.of("$.rules[2].status: expected at most 599, found 600"), check("""
                {"name": "g", "rules": [{"path": "/a"}, {"path": "/b"}, {"path": "/c", "status": 600}]}
                """));
    }

    @Test
    void aValueOutsideTheEnumListsTheAllowedOnes() {
        assertEquals(List.of("$.mode: expected one of ENFORCE, REPORT, found \"enforce\"",
                "$.rules[0].method: expected one of GET, POST, DELETE, found \"PUT\""),
                check("{\"name\": \"g\", \"mode\": \"enforce\", \"rules\": [{\"path\": \"/a\", \"method\": \"PUT\"}]}"));
    }

    @Test
    void aWrongTypeInsideARecordReachedByRefHasItsFullPath() {
        assertEquals(List.of("$.rules[1].status: expected an integer, found \"404\"",
                "$.rules[1].tags[0]: expected a string, found 7"), check("""
                {"name": "g", "rules": [{"path": "/a"}, {"path": "/b", "status": "404", "tags": [7]}]}
                """));
        assertEquals(List.of("$.name: expected at least 1 character, found \"\" (0 characters)",
                "$.rules: expected at least 1 item, found an array of 0 items",
                "$.metric-labels[\"a.b\"]: expected an integer, found 1.5"),
                check("{\"name\": \"\", \"rules\": [], \"metric-labels\": {\"a.b\": 1.5}}"));
    }

    @Test
    void aValueOfNoTypeTheAlternativesTakeListsThoseTypes() {
        assertEquals(List.of("$.upstreams: expected a string or an array, found 5"),
                check("{\"name\": \"g\", \"upstreams\": 5}"));
        assertEquals(List.of("$.timeout: expected an integer or a string, found true"),
                check("{\"name\": \"g\", \"timeout\": true}"));
    }

    @Test
    void aValueOfOneAlternativesTypeIsHeldToThatAlternative() {
        assertEquals(List.of("$.upstreams[1]: expected at least 1 character, found \"\" (0 characters)"),
                check("{\"name\": \"g\", \"upstreams\": [\"a\", \"\"]}"));
        assertEquals(List.of("$.timeout: expected a string matching ^[0-9]+$, found \"30s\""),
                check("{\"name\": \"g\", \"timeout\": \"30s\"}"));
        assertEquals(List.of("$.timeout: expected at least 1, found 0"), check("{\"name\": \"g\", \"timeout\": 0}"));
        assertEquals(List.of("$.headers[0]: expected at most 1 key, found an object of 2 keys"),
                check("{\"name\": \"g\", \"headers\": [{\"x-a\": \"1\", \"x-b\": \"2\"}]}"));
    }

    @Test
    void alternativesOfTheSameTypeAreEachSaidWhyTheyDoNotMatch() {
        assertEquals(List.of("$.auth: matches none of the forms it may take: (1) missing required key \"token\""
                + " (2) missing required key \"user\""), check("{\"name\": \"g\", \"auth\": {}}"));
    }

    @Test
    void oneOfSaysWhyNoFormMatchesOrThatSeveralDo() {
        assertEquals(List.of("$.weight: expected at least 1, found 0.5"), check("{\"name\": \"g\", \"weight\": 0.5}"));
        assertEquals(List.of("$.weight: expected a value that matches exactly one of the forms it may take, found 5,"
                + " which matches 2"), check("{\"name\": \"g\", \"weight\": 5}"));
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check("{\"name\": \"g\",\n}"));
        assertTrue(e.getMessage().startsWith("the configuration is not JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 2, column 1)"), e.getMessage());
    }

    private static String resource(String name) {
        try (InputStream in = ConfigurationCheckTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
