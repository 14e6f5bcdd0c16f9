package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationSchemaTest {
    @TempDir
    Path dir;

    @Test
    void theProcessorsSchemaGoesNextToTheModule() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF/proxy-wasm"));
        Files.writeString(classes.resolve(ConfigurationSchema.RESOURCE), "{\"type\": \"object\"}");

        Path copy = ConfigurationSchema.copy(classes, dir, "guard");

        assertEquals(dir.resolve("guard.schema.json"), copy);
        assertEquals("{\"type\": \"object\"}", Files.readString(copy));
    }

    @Test
    void aPluginThatNoLongerHasAConfigurationRecordLeavesNoStaleSchema() throws IOException {
        Files.writeString(dir.resolve("guard.schema.json"), "{}");

        assertNull(ConfigurationSchema.copy(dir.resolve("classes"), dir, "guard"));
        assertFalse(Files.exists(dir.resolve("guard.schema.json")));
    }

    @Test
    void theTableGoesNextToTheModuleAndAStaleOneGoes() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF/proxy-wasm"));
        Files.writeString(classes.resolve(ConfigurationSchema.TABLE_RESOURCE), "| key |");

        assertEquals("| key |", Files.readString(ConfigurationSchema.copyTable(classes, dir, "guard")));

        Files.delete(classes.resolve(ConfigurationSchema.TABLE_RESOURCE));
        assertNull(ConfigurationSchema.copyTable(classes, dir, "guard"));
        assertFalse(Files.exists(dir.resolve("guard.config.md")));
    }
}
