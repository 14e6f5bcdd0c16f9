package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build makes the glue itself when javac ran no processor, as javac 23 and later do by default. */
class GlueGenerationTest {
    private static final String PLUGIN = """
            package demo;

            import dev.proxywasm.api.Headers;
            import dev.proxywasm.api.OnRequestHeaders;
            import dev.proxywasm.api.ProxyWasmPlugin;

            @ProxyWasmPlugin
            public final class Demo {
                @OnRequestHeaders
                void headers(Headers headers) {}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void generatesAndCompilesTheGlueJavacLeftOut() throws Exception {
        Path sources = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(sources.resolve("demo"));
        Files.writeString(sources.resolve("demo/Demo.java"), PLUGIN, StandardCharsets.UTF_8);
        compileWithoutProcessing(sources.resolve("demo/Demo.java"), classes);
        GlueGeneration generation = new GlueGeneration(classes, List.of(sources), classPath(),
                dir.resolve("generated"), "17");
        List<String> log = new ArrayList<>();

        assertTrue(generation.ensure(log::add));

        assertEquals("demo.Demo_ProxyWasm", Files.readString(classes.resolve(GlueGeneration.MAIN_CLASS_RESOURCE)).trim());
        assertTrue(Files.isRegularFile(classes.resolve("demo/Demo_ProxyWasm.class")));
        assertTrue(log.get(0).startsWith("javac ran no annotation processor"), log::toString);
        assertFalse(generation.ensure(log::add), "glue from the same round is up to date");

        // javac recompiles the plugin, again without the processor: the glue is stale and made anew.
        Files.setLastModifiedTime(classes.resolve("demo/Demo.class"),
                FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(generation.ensure(log::add));
    }

    @Test
    void leavesProjectsWithoutAPluginAlone() throws Exception {
        Path sources = dir.resolve("src");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Util.java"), "class Util {}", StandardCharsets.UTF_8);
        assertFalse(new GlueGeneration(dir.resolve("classes"), List.of(sources), classPath(), dir.resolve("gen"), null)
                .ensure(line -> {}));
    }

    private static void compileWithoutProcessing(Path source, Path classes) throws Exception {
        Files.createDirectories(classes);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, exit);
    }

    private static List<File> classPath() {
        List<File> files = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            files.add(new File(entry));
        }
        return files;
    }
}
