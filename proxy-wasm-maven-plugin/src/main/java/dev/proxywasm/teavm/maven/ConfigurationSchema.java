package dev.proxywasm.teavm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON Schema of the plugin's {@code @PluginConfiguration} record, which the annotation
 * processor writes among the classes: the build puts it next to the module as
 * {@code target/<artifactId>.schema.json}, where an operator (or a CI step validating a
 * {@code WasmPlugin}'s {@code pluginConfig}) finds it.
 */
final class ConfigurationSchema {
    /** Where the processor writes it (the processor's {@code CONFIGURATION_SCHEMA_RESOURCE}). */
    static final String RESOURCE = "META-INF/proxy-wasm/configuration.schema.json";
    /** The same configuration as a Markdown table. */
    static final String TABLE_RESOURCE = "META-INF/proxy-wasm/configuration.md";

    private ConfigurationSchema() {}

    /**
     * Copies the schema to {@code target/<artifactId>.schema.json}, or removes an earlier copy when
     * the plugin no longer has a configuration record; returns the copy, or null.
     */
    static Path copy(Path classes, Path target, String artifactId) throws IOException {
        return copy(classes.resolve(RESOURCE), target, target.resolve(artifactId + ".schema.json"));
    }

    /**
     * Copies the configuration's Markdown table (the processor's {@code CONFIGURATION_TABLE_RESOURCE})
     * to {@code target/<artifactId>.config.md}, for the plugin's README, the same way.
     */
    static Path copyTable(Path classes, Path target, String artifactId) throws IOException {
        return copy(classes.resolve(TABLE_RESOURCE), target, target.resolve(artifactId + ".config.md"));
    }

    private static Path copy(Path resource, Path target, Path copy) throws IOException {
        if (!Files.isRegularFile(resource)) {
            Files.deleteIfExists(copy);
            return null;
        }
        Files.createDirectories(target);
        return Files.copy(resource, copy, StandardCopyOption.REPLACE_EXISTING);
    }
}
