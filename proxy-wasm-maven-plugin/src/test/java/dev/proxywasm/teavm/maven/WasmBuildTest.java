package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.validator.Problem;
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
    void callsNoHostProvidesFailValidationNamingEachCallItsCallerAndWhatToUseInstead() throws Exception {
        Path testClasses = Path.of(WasmBuildTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String mainClass = Files.readString(testClasses.resolve("META-INF/proxy-wasm/main-class"),
                StandardCharsets.UTF_8).trim();
        assertEquals("dev.proxywasm.teavm.maven.fixture.MathSinPlugin_ProxyWasm", mainClass);

        Path output = dir.resolve("plugin.wasm");
        Files.write(output, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}); // a module from an earlier build

        WasmBuild.Result result = new WasmBuild(classPath(), mainClass, output, dir.resolve("work")).run(line -> {});


        assertEquals(List.of(), result.compileErrors());
        assertFalse(result.ok());
        String fixture = " dev.proxywasm.teavm.maven.fixture.MathSinPlugin.";
        assertEquals(List.of(
                "imports teavm.teavm_interrupt, which no proxy-wasm host provides; it comes from Thread.start, join or"
                        + " sleep in the plugin's code or its libraries (instead: a proxy-wasm VM runs one callback at a"
                        + " time on one thread: for periodic work use Plugin.setTickPeriod and @OnTick, to wait for"
                        + " another service use HttpCall or GrpcCall); called from" + fixture
                        + "request (MathSinPlugin.java:14)",
                "imports teavm.nanoTime, which no proxy-wasm host provides; it comes from System.nanoTime() in the"
                        + " plugin's code or its libraries (instead: Plugin.currentTimeNanos(), the host's clock);"
                        + " called from" + fixture + "request (MathSinPlugin.java:13)",
                "imports teavmMath.sin, which no proxy-wasm host provides; it comes from Math.sin (or StrictMath.sin)"
                        + " in the plugin's code or its libraries (instead: integer arithmetic, or a lookup table;"
                        + " TeaVM's WebAssembly targets have no libm); called from" + fixture
                        + "angle (MathSinPlugin.java:18)"), result.report().errors());
        assertEquals(List.of("the module includes floating-point parsing or printing (Double.parseDouble, \"\" +"
                + " double), about 60 KB; called from" + fixture + "request (MathSinPlugin.java:12); use integers, or the"
                + " SDK's JsonNumber instead to keep the module small"), result.sizeHints());
        assertEquals(List.of("teavm.teavm_interrupt", "teavm.nanoTime", "teavmMath.sin"), result.report().problems()
                .stream().filter(p -> p.kind() == Problem.Kind.UNKNOWN_IMPORT).map(p -> p.module() + "." + p.name())
                .toList());
        assertFalse(result.report().exports().stream().anyMatch(e -> e.name().equals("_start")
                || e.name().equals("start")), result.report().exports()::toString);
        assertFalse(result.report().exports().stream().anyMatch(e -> e.name().startsWith("teavm_")),
                "neither TeaVM's runtime exports nor its JavaScript interop ones: " + result.report().exports());
        assertFalse(result.report().imports().stream().anyMatch(i -> i.name().startsWith("args_")),
                "TeaVM's command-line start, which read WASI's arguments, is gone: " + result.report().imports());
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".wasm")).toList(),
                    "a rejected build leaves no module behind, not even the previous one");
        }
    }

    @Test
    void aLibraryTeaVmCannotCompileIsNamedWithWhatToUseInstead() throws Exception {
        WasmBuild.Result result = new WasmBuild(classPath(), "dev.proxywasm.teavm.maven.fixture.JacksonUser",
                dir.resolve("jackson.wasm"), dir.resolve("work")).run(line -> {});

        assertFalse(result.compileErrors().isEmpty());
        assertTrue(result.compileErrors().stream().anyMatch(e -> e.contains(" comes from the dependency"
                        + " jackson-databind-2.18.2.jar, which uses what TeaVM's class library lacks, so it cannot run"
                        + " in a proxy-wasm module: remove it or replace it (for JSON, the SDK's"
                        + " dev.proxywasm.api.json.Json)")), () -> String.join("\n", result.compileErrors()));
        assertFalse(Files.exists(dir.resolve("jackson.wasm")));
    }

    private static List<File> classPath() {
        List<File> files = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            files.add(new File(entry));
        }
        return files;
    }
}
