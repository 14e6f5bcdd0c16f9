package dev.proxywasm.it.abi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which module a {@code [wasm]} run tests: the project's own, found relative to its test classes, and
 * never one older than the plugin's compiled classes. Each test lays out a project copy (classes,
 * test classes, module) in a temporary directory and loads it with a class loader of its own.
 */
class ModuleLookupTest {
    private static final String GLUE = "dev/proxywasm/it/abi/AbiExerciser_ProxyWasm.class";

    @TempDir
    Path project;

    private Path module;
    private Path glueClass;

    @BeforeEach
    void copyTheProject() throws Exception {
        ClassLoader real = ModuleLookupTest.class.getClassLoader();
        Path classes = project.resolve("target/classes");
        Path testClasses = project.resolve("target/test-classes");
        glueClass = classes.resolve(GLUE);
        Files.createDirectories(glueClass.getParent());
        try (var in = real.getResourceAsStream(GLUE)) {
            Files.copy(in, glueClass);
        }
        Path records = Files.createDirectories(testClasses.resolve("META-INF/proxy-wasm"));
        Files.writeString(records.resolve("main-class"), "dev.proxywasm.it.abi.AbiExerciser_ProxyWasm\n");
        String recorded;
        try (var in = real.getResourceAsStream("META-INF/proxy-wasm/module-path")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        Files.writeString(records.resolve("module-path"), recorded + "\n");
        Path realTestClasses = Path.of(real.getResource("META-INF/proxy-wasm/module-path").toURI())
                .getParent().getParent().getParent();
        module = testClasses.resolve(recorded).normalize();
        Files.copy(realTestClasses.resolve(recorded).normalize(), module);
    }

    private URLClassLoader copiedProject() throws Exception {
        return new URLClassLoader(new URL[] {
            project.resolve("target/test-classes").toUri().toURL(), project.resolve("target/classes").toUri().toURL()
        }, null);
    }

    private void touch(Path file, Instant when) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(when));
    }

    @Test
    void theBuildRecordsTheModuleRelativeToTheTestClasses() throws Exception {
        try (var in = ModuleLookupTest.class.getClassLoader().getResourceAsStream("META-INF/proxy-wasm/module-path")) {
            String recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(recorded.startsWith("../"), recorded);
        }
    }

    @Test
    void aCopiedProjectRunsItsOwnModule() throws Exception {
        touch(module, Instant.now());
        try (URLClassLoader loader = copiedProject(); HostEmulator host = HostEmulator.create(Mode.WASM, loader)) {
            assertTrue(host.startPlugin());
        }

        Files.delete(module);
        try (URLClassLoader loader = copiedProject()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> HostEmulator.create(Mode.WASM, loader));
            assertTrue(e.getMessage().contains("the compiled plugin module is missing"), e.getMessage());
        }
    }

    @Test
    void aModuleOlderThanThePluginsClassesFailsTheWasmRunSayingHowToRebuild() throws Exception {
        Instant now = Instant.now();
        touch(module, now.minusSeconds(60));
        touch(glueClass, now);

        try (URLClassLoader loader = copiedProject()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> HostEmulator.create(Mode.WASM, loader));

            assertTrue(e.getMessage().startsWith("the compiled plugin module " + module
                    + " is older than the plugin's classes (dev/proxywasm/it/abi/AbiExerciser_ProxyWasm.class changed"
                    + " after it was built)"), e.getMessage());
            assertTrue(e.getMessage().contains("mvn process-classes"), e.getMessage());
            assertTrue(e.getMessage().contains("-Dproxywasm.modes=jvm"), e.getMessage());
        }
    }
}
