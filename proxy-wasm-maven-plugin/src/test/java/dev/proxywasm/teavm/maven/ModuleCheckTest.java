package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What push, run and manifests do before they touch a module: refuse a missing or invalid one. */
class ModuleCheckTest {
    @TempDir
    Path dir;

    @Test
    void aMissingModuleIsRefusedWithTheCommandThatBuildsIt() {
        Path module = dir.resolve("plugin.wasm");

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> ModuleCheck.requireValid(module.toFile(), null, "proxy-wasm:push"));

        assertEquals(module + " does not exist, so proxy-wasm:push has nothing to use; build it first:"
                + " mvn package proxy-wasm:push", e.getMessage());
    }

    @Test
    void aModuleEnvoyWouldRefuseIsRefusedWithTheValidatorsReasons() throws Exception {
        Path module = dir.resolve("plugin.wasm");
        Files.write(module, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> ModuleCheck.requireValid(module.toFile(), null, "proxy-wasm:push"));

        assertTrue(e.getMessage().startsWith("plugin.wasm would not load in Envoy, so proxy-wasm:push refuses it:\n  "),
                e.getMessage());
        assertTrue(e.getMessage().contains("proxy_abi_version_0_2_1"), e.getMessage());
    }

    @Test
    void bytesThatAreNotWebAssemblyAreRefused() throws Exception {
        Path module = dir.resolve("plugin.wasm");
        Files.writeString(module, "<html>not a module</html>");

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> ModuleCheck.requireValid(module.toFile(), null, "proxy-wasm:manifests"));

        assertTrue(e.getMessage().contains("plugin.wasm"), e.getMessage());
    }

    @Test
    void aModuleOlderThanThePluginsClassesIsRefused() throws Exception {
        Path module = Files.write(dir.resolve("plugin.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Path classes = Files.createDirectories(dir.resolve("classes/com/example"));
        Files.write(classes.resolve("Plugin.class"), new byte[] {1});
        module.toFile().setLastModified(System.currentTimeMillis() - 60_000);

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> ModuleCheck.requireValid(module.toFile(), dir.resolve("classes").toFile(), "proxy-wasm:run"));

        assertEquals("plugin.wasm is older than the plugin's classes (com/example/Plugin.class changed after it was"
                + " built), so proxy-wasm:run would use old code; build it first: mvn package proxy-wasm:run (without"
                + " -Dproxywasm.modes=jvm)", e.getMessage());
    }
}
