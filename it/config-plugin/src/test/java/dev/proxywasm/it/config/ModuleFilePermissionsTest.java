package dev.proxywasm.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The module is written with the permissions any file the build writes gets (the umask's), so an
 * Envoy running as another user, as in its container image, can read it.
 */
class ModuleFilePermissionsTest {
    @Test
    void theModuleIsReadableAsAnyOtherFileInTarget() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path sibling = Files.write(Path.of("target/permissions-probe.txt"), new byte[0]);
        try {
            assertEquals(Files.getPosixFilePermissions(sibling),
                    Files.getPosixFilePermissions(Path.of("target/config-plugin.wasm")));
        } finally {
            Files.delete(sibling);
        }
    }
}
