package dev.proxywasm.it.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Headers;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a plugin author can reach in sdk-api, as the packaged jar declares it (jar --describe-module). */
class ApiModuleTest {
    @Test
    void sdkApiExportsTheAuthorApiAloneAndTheRuntimeOnlyToTheSdksBackends() throws Exception {
        Path jar = Path.of(Headers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(jar), "sdk-api should come from its packaged jar, not " + jar);
        ModuleDescriptor module = ModuleFinder.of(jar).find("dev.proxywasm.api").orElseThrow().descriptor();

        Map<String, Set<String>> exports = new TreeMap<>();
        for (ModuleDescriptor.Exports export : module.exports()) {
            exports.put(export.source(), export.targets());
        }

        assertEquals(Map.of("dev.proxywasm.api", Set.of(), "dev.proxywasm.api.json", Set.of(),
                "dev.proxywasm.runtime", Set.of("dev.proxywasm.teavm", "dev.proxywasm.emulator", "dev.proxywasm.testing")),
                exports, () -> "exports: " + exports);
        assertTrue(module.packages().contains("dev.proxywasm.processor"),
                () -> "the processor ships in the jar, not exported: " + module.packages());
        assertEquals(Set.of(), module.packages().stream().filter(p -> p.startsWith("com.")).collect(Collectors.toSet()),
                "no third-party package in the module");
    }
}
