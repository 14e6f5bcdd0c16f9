package dev.proxywasm.samples.customerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an operator checks a WasmPlugin's pluginConfig against: the schema the build put next to the module. */
class ConfigurationSchemaTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> property(String key) throws IOException {
        Map<String, Object> schema = Json.parseObject(Files.readString(Path.of("target/custom-errors.schema.json")));
        return object(object(schema.get("properties")).get(key));
    }

    @Test
    void unknownKeysAreRefusedAndOnlyThePrefixesRequired() throws IOException {
        Map<String, Object> schema = Json.parseObject(Files.readString(Path.of("target/custom-errors.schema.json")));

        assertEquals(Boolean.FALSE, schema.get("additionalProperties"));
        assertEquals(List.of("targetURLPrefixes"), schema.get("required"));
        assertEquals(List.of("targetURLPrefixes", "startStatusCode", "endStatusCode", "problemTypeURIMap",
                "problemTitle", "maxDetailBytes"), List.copyOf(object(schema.get("properties")).keySet()));
    }

    @Test
    void thePrefixesAreDescribedAndAcceptOneStringOrANonEmptyList() throws IOException {
        Map<String, Object> prefixes = property("targetURLPrefixes");

        assertTrue(String.valueOf(prefixes.get("description")).startsWith("the URL prefixes whose error responses"),
                prefixes.toString());
        assertEquals(List.of(Map.of("type", "string")), List.of(((List<?>) prefixes.get("anyOf")).get(0)));
        assertEquals("1", String.valueOf(object(((List<?>) prefixes.get("anyOf")).get(1)).get("minItems")));
    }

    @Test
    void theStatusRangeAndItsDefaultsAreThere() throws IOException {
        Map<String, Object> start = property("startStatusCode");
        Map<String, Object> number = object(((List<?>) start.get("anyOf")).get(0));

        assertEquals("400", String.valueOf(start.get("default")));
        assertEquals("400", String.valueOf(number.get("minimum")));
        assertEquals("599", String.valueOf(number.get("maximum")));
        assertEquals("599", String.valueOf(property("endStatusCode").get("default")));
    }

    @Test
    void theReadmeShowsTheTableTheBuildGenerated() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String begin = "<!-- configuration table: target/custom-errors.config.md -->\n";
        String end = "<!-- end of configuration table -->";
        String shown = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf(end));

        assertEquals(Files.readString(Path.of("target/custom-errors.config.md")), shown,
                "README.md's configuration table is not the generated one: copy target/custom-errors.config.md");
    }
}
