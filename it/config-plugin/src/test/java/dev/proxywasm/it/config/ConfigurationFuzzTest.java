package dev.proxywasm.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short fuzz run: mutated configurations ({@link MutatedConfigurations}) through the compiled
 * module and on the JVM, each applied as Envoy applies a configuration update (a root context with
 * a new id; the accepted one replaces the current one, which is deleted). The module never traps,
 * both modes accept the same inputs and reject the others with the same line, accepted inputs are
 * read the same way, and linear memory does not grow in the second half.
 * {@code -Dconfig.fuzz.inputs=1000000} makes it the long run.
 */
class ConfigurationFuzzTest {
    private static final int INPUTS = Integer.getInteger("config.fuzz.inputs", 2_000);
    /**
     * Pages (64 KiB) linear memory may grow by in the second half. The heap grows only for what a
     * full collection leaves ({@code FullCollectionBeforeGrowthTransformer}): at most the current
     * configuration, the one being read and the longest input's growing builder, a few hundred KB,
     * which the first half has met. The million-input run stays at its first size throughout.
     */
    private static final int MAX_SECOND_HALF_GROWTH = 1;

    @Test
    void theModuleAndTheJvmAgreeOnEveryMutatedConfiguration() {
        MutatedConfigurations inputs = new MutatedConfigurations(14);
        ClassLoader loader = getClass().getClassLoader();
        try (HostEmulator wasm = HostEmulator.create(Mode.WASM, loader);
                HostEmulator jvm = HostEmulator.create(Mode.JVM, loader)) {
            int accepted = 0;
            int halfPages = 0;
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = inputs.next();
                boolean started = wasm.withPluginConfiguration(input).reconfigurePlugin();
                String what = "input " + i + ": " + new String(input, StandardCharsets.UTF_8);
                assertNull(wasm.getTrap(), what);
                assertEquals(jvm.withPluginConfiguration(input).reconfigurePlugin(), started, what);
                List<String> wasmLogs = wasm.takeLogs();
                assertEquals(jvm.takeLogs(), wasmLogs, what);
                if (started) {
                    accepted++;
                    assertEquals(readAs(jvm), readAs(wasm), what);
                } else {
                    assertEquals(1, wasmLogs.size(), what);
                    assertTrue(wasmLogs.get(0).contains("plugin configuration rejected: $"), wasmLogs + " " + what);
                }
                if (i + 1 == INPUTS / 2) {
                    halfPages = wasm.getMemoryPages();
                }
                if ((i + 1) % (INPUTS / 10) == 0) {
                    System.out.printf("configuration fuzz: %,d inputs, %d pages%n", i + 1, wasm.getMemoryPages());
                }
            }
            int endPages = wasm.getMemoryPages();
            System.out.printf("configuration fuzz: %,d inputs, %,d accepted, %,d rejected, traps 0,"
                    + " memory pages at half %d, at end %d%n", INPUTS, accepted, INPUTS - accepted, halfPages, endPages);
            assertTrue(accepted > INPUTS / 10 && accepted < INPUTS * 9 / 10, "accepted " + accepted);
            assertTrue(endPages - halfPages <= MAX_SECOND_HALF_GROWTH,
                    "memory grew from " + halfPages + " to " + endPages + " pages in the second half");
        }
    }

    private static String readAs(HostEmulator host) {
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":path", "/")), true);
        String value = null;
        for (Header header : host.getCurrentRequestHeaders(id)) {
            if (header.name().equals("x-configuration")) {
                value = header.value();
            }
        }
        host.completeHttpContext(id);
        return value;
    }
}
