package dev.proxywasm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A {@code @PluginConfiguration} record: its schema, and each mistake reported at the component. */
class ConfigurationProcessorTest {

    private static Compilation compile(String resource) {
        return javac().withProcessors(new GlueProcessor()).compile(JavaFileObjects.forResource(resource));
    }

    @Test
    void writesTheSchemaOfTheRecordOnPluginStartTakes() throws IOException {
        Compilation compilation = compile("good/example/Gateway.java");

        assertThat(compilation).succeededWithoutWarnings();
        JavaFileObject schema = compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, GlueProcessor.CONFIGURATION_SCHEMA_RESOURCE)
                .orElseThrow();
        try (InputStream expected = getClass().getResourceAsStream("/expected/example/Gateway.schema.json")) {
            assertEquals(new String(expected.readAllBytes(), StandardCharsets.UTF_8).strip(),
                    new String(schema.openInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void writesTheConfigurationTableForTheReadme() throws IOException {
        Compilation compilation = compile("good/example/Gateway.java");

        JavaFileObject table = compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, GlueProcessor.CONFIGURATION_TABLE_RESOURCE)
                .orElseThrow();
        try (InputStream expected = getClass().getResourceAsStream("/expected/example/Gateway.config.md")) {
            assertEquals(new String(expected.readAllBytes(), StandardCharsets.UTF_8).strip(),
                    new String(table.openInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void aPluginWithoutConfigurationRecordHasNoSchema() {
        Compilation compilation = compile("good/example/AddHeader.java");

        assertThat(compilation).succeeded();
        assertEquals(java.util.Optional.empty(), compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, GlueProcessor.CONFIGURATION_SCHEMA_RESOURCE));
    }

    @Test
    void aLenientConfigurationsSchemaStillRefusesOtherKeys() throws IOException {
        Compilation compilation = javac().withProcessors(new GlueProcessor()).compile(JavaFileObjects.forSourceString(
                "example.Lenient", """
                package example;

                import dev.proxywasm.api.OnPluginStart;
                import dev.proxywasm.api.PluginConfiguration;
                import dev.proxywasm.api.ProxyWasmPlugin;

                @ProxyWasmPlugin
                public class Lenient {
                    @PluginConfiguration(ignoreUnknownKeys = true)
                    record Config(Inner inner) {}

                    record Inner(String name) {}

                    @OnPluginStart
                    void start(Config config) {}
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("example.Lenient_ProxyWasm")
                .contentsAsUtf8String().contains("in.skipUnknownKey(\"inner\");");
        String schema = new String(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                GlueProcessor.CONFIGURATION_SCHEMA_RESOURCE).orElseThrow().openInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(2, schema.split("\"additionalProperties\": false", -1).length - 1, schema);
        assertEquals(-1, schema.indexOf("\"additionalProperties\": true"), schema);
    }

    @Test
    void aConfigurationRecordThatPluginStartDoesNotTakeIsReported() {
        Compilation compilation = javac().withProcessors(new GlueProcessor()).compile(JavaFileObjects.forSourceString(
                "example.Forgotten", """
                package example;

                import dev.proxywasm.api.Configuration;
                import dev.proxywasm.api.OnPluginStart;
                import dev.proxywasm.api.PluginConfiguration;
                import dev.proxywasm.api.ProxyWasmPlugin;

                @ProxyWasmPlugin
                public class Forgotten {
                    @PluginConfiguration
                    record Config(String name) {}

                    @OnPluginStart
                    void start(Configuration configuration) {}
                }
                """));

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("@PluginConfiguration record Config is not the parameter of the"
                + " @OnPluginStart method, so no parser and no schema are generated for it").inFile(
                        compilation.sourceFiles().get(0)).onLine(11);
    }

    @ParameterizedTest(name = "{0}: line {1}")
    @CsvSource(delimiter = '|', value = {
        "UnsupportedConfigTypes | 14 | component ratio has type double, which a configuration cannot hold;"
                + " supported: String, boolean, int, long (or Boolean, Integer, Long), an enum, a record,"
                + " List<T> or Map<String, T> of these",
        "UnsupportedConfigTypes | 15 | component name has type java.util.Optional<java.lang.String>, which a"
                + " configuration cannot hold",
        "UnsupportedConfigTypes | 16 | component byCode has type java.util.Map<java.lang.Integer,java.lang.String>,"
                + " which a configuration cannot hold",
        "UnsupportedConfigTypes | 17 | component anything has type java.lang.Object, which a configuration"
                + " cannot hold",
        "BadConfigDefaults | 18 | @DefaultValue(\"eighty\") of component port: not a whole number",
        "BadConfigDefaults | 19 | @DefaultValue(\"700\") of component status: outside 100 to 599",
        "BadConfigDefaults | 20 | @DefaultValue(\"MEDIUM\") of component level: not a constant of Level;"
                + " expected one of LOW, HIGH",
        "BadConfigDefaults | 21 | @DefaultValue(\"yes\") of component enabled: expected true or false",
        "BadConfigDefaults | 22 | @DefaultValue(\"PUT\") of component method: not one of GET, POST",
        "BadConfigDefaults | 23 | @DefaultValue(\"[]\") of component tags: defaults are for strings, booleans,"
                + " numbers and enums; an absent list or map is empty, an absent record null",
        "BadConfigDefaults | 24 | component name is @Required, so its @DefaultValue would never apply",
        "BadConfigDefaults | 25 | component retries is a int, which cannot be absent: give it @DefaultValue or"
                + " @Required (or use Integer, null when absent)",
        "MisplacedConfigConstraints | 19 | @Range bounds whole numbers; component name is java.lang.String",
        "MisplacedConfigConstraints | 20 | @AllowedValues lists strings; component count is java.lang.Integer",
        "MisplacedConfigConstraints | 21 | @NonEmpty is for strings, lists and maps; component flag is"
                + " java.lang.Boolean",
        "MisplacedConfigConstraints | 22 | @Range of component size accepts nothing: min 10 > max 1",
        "MisplacedConfigConstraints | 23 | JSON key \"name\" of component alias is already another component's",
        "MisplacedConfigConstraints | 24 | @AcceptSingleValue is for lists; component single is java.lang.String",
        "MisplacedConfigConstraints | 25 | @AcceptEntryList is for maps; component entries is"
                + " java.util.List<java.lang.String>",
        "MisplacedConfigConstraints | 26 | @AcceptNumericString is for whole numbers; component numbers is"
                + " java.util.List<java.lang.String>",
        "ConfigurationNotRecord | 9 | @PluginConfiguration must annotate a record, not class Config",
    })
    void reportsTheMistakeAtTheComponent(String plugin, int line, String message) {
        Compilation compilation = compile("bad/" + plugin + ".java");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message)
                .inFile(JavaFileObjects.forResource("bad/" + plugin + ".java"))
                .onLine(line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UnsupportedConfigTypes, 4", "BadConfigDefaults, 8", "MisplacedConfigConstraints, 8",
        "ConfigurationNotRecord, 1"})
    void reportsEveryMistakeOnce(String plugin, int errors) {
        Compilation compilation = compile("bad/" + plugin + ".java");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(errors);
    }
}
