package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole build step on a fixture plugin: TeaVM, export stripping, validation with caller hints. */
class WasmBuildTest {
    @TempDir
    Path dir;

    @Test
    void aPluginCallingMathSinFailsValidationNamingTheCallAndItsCaller() throws Exception {
        Path testClasses = Path.of(WasmBuildTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String mainClass = Files.readString(testClasses.resolve("META-INF/proxy-wasm/main-class"),
                StandardCharsets.UTF_8).trim();
        assertEquals("dev.proxywasm.teavm.maven.fixture.MathSinPlugin_ProxyWasm", mainClass);

        Path output = dir.resolve("plugin.wasm");
        Files.write(output, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}); // a module from an earlier build

        WasmBuild.Result result = new WasmBuild(classPath(), mainClass, output, dir.resolve("work")).run(line -> {});


        assertEquals(List.of(), result.compileErrors());
        assertFalse(result.ok());
        assertEquals(1, result.report().errors().size(), result.report().errors()::toString);
        String error = result.report().errors().get(0);
        assertTrue(error.startsWith("imports teavmMath.sin, which no proxy-wasm host provides; it comes from Math.sin"
                + " (or StrictMath.sin) in the plugin's code or its libraries; called from"
                + " dev.proxywasm.teavm.maven.fixture.MathSinPlugin.angle (MathSinPlugin.java:16)"), error);
        assertFalse(result.report().exports().stream().anyMatch(e -> e.startsWith("_start ") || e.startsWith("start ")),
                result.report().exports()::toString);
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".wasm")).toList(),
                    "a rejected build leaves no module behind, not even the previous one");
        }
    }

    private static List<File> classPath() {
        List<File> files = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            files.add(new File(entry));
        }
        return files;
    }
}
