package dev.proxywasm.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build put the configuration's JSON Schema next to the module, saying what the parser accepts. */
class SchemaNextToModuleTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void theSchemaDescribesTheRecordAndRejectsUnknownKeys() throws IOException {
        Map<String, Object> schema = Json.parseObject(Files.readString(Path.of("target/config-plugin.schema.json")));

        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema"));
        assertEquals(Boolean.FALSE, schema.get("additionalProperties"));
        assertEquals(List.of("name"), schema.get("required"));
        Map<String, Object> properties = object(schema.get("properties"));
        assertEquals(List.of("name", "port", "mode", "limit", "verbose", "rules", "metric-labels"),
                List.copyOf(properties.keySet()));
        assertEquals("the port the upstream listens on", object(properties.get("port")).get("description"));
        assertEquals("8080", String.valueOf(object(properties.get("port")).get("default")));
        Map<String, Object> rule = object(object(schema.get("$defs")).get("RouteGuardConfig.Rule"));
        assertEquals(Boolean.FALSE, rule.get("additionalProperties"));
        assertEquals(List.of("GET", "POST", "DELETE"), object(object(rule.get("properties")).get("method")).get("enum"));
        assertTrue(String.valueOf(object(object(rule.get("properties")).get("status")).get("maximum")).equals("599"));
    }
}
