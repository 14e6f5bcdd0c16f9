package dev.proxywasm.it.devproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar proxy-wasm-dev-proxy-cli.jar}: bad input is one line and a non-zero exit (2 for
 * arguments, 1 when the proxy cannot start), never a stack trace or a process that hangs.
 */
class CommandLineTest {
    private static final String CONFIG = "{\"targetURLPrefixes\": [\"127.0.0.1\"]}";

    /** The exit code and everything the process printed. */
    private record Outcome(int exit, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private static Outcome run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("devproxy.cli")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "cli", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the proxy did not exit within 30 s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
            return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String module() {
        return System.getProperty("module.custom-errors");
    }

    private static void assertOneLine(Outcome outcome, int exit, String expected) {
        assertEquals(exit, outcome.exit(), outcome.output());
        assertEquals(List.of("[proxy] " + expected), outcome.lines(), outcome.output());
    }

    @Test
    void helpPrintsTheUsageAndSucceeds(@TempDir Path dir) throws Exception {
        Outcome outcome = run(dir, "--help");

        assertEquals(0, outcome.exit(), outcome.output());
        assertTrue(outcome.output().startsWith("usage: java -jar proxy-wasm-dev-proxy-cli.jar --module plugin.wasm"),
                outcome.output());
        assertTrue(outcome.output().contains("--fail-open"), outcome.output());
    }

    @Test
    void argumentMistakesAreOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("missing.wasm").toString();
        String missingConfig = dir.resolve("missing.json").toString();

        assertOneLine(run(dir), 2, "--module plugin.wasm is required; --help lists the options");
        assertOneLine(run(dir, "--module", missing), 2, "module " + missing + " does not exist");
        assertOneLine(run(dir, "--module", module(), "--config", "@" + missingConfig), 2,
                "configuration file " + missingConfig + " does not exist");
        assertOneLine(run(dir, "--module", module(), "--port", "http"), 2,
                "--port takes a number from 0 to 65535 (0 picks a free port), not http");
        assertOneLine(run(dir, "--module", module(), "--port", "65536"), 2,
                "--port takes a number from 0 to 65535 (0 picks a free port), not 65536");
        assertOneLine(run(dir, "--module", module(), "--port"), 2, "--port needs a value; --help lists the options");
        assertOneLine(run(dir, "--module", "--port", "0"), 2, "--module needs a value; --help lists the options");
        assertOneLine(run(dir, "--module", module(), "--verbose"), 2,
                "unknown option --verbose; --help lists the options");
        assertOneLine(run(dir, "--module", module(), "--cluster", "auth"), 2,
                "--cluster takes NAME=URL, e.g. auth=http://127.0.0.1:9000, not auth");
    }

    @Test
    void aPortInUseExitsAtOnceWithCode1(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());

            long started = System.nanoTime();
            Outcome outcome = run(dir, "--module", module(), "--config", CONFIG, "--port", port);

            assertOneLine(outcome, 1, "cannot listen on 127.0.0.1:" + port
                    + ": the port is in use (choose another with --port, or 0 for a free one)");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "took too long to exit");
        }
    }

    @Test
    void aModuleThatWouldNotLoadExitsWithCode1(@TempDir Path dir) throws Exception {
        Path broken = Files.write(dir.resolve("broken.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});

        Outcome outcome = run(dir, "--module", broken.toString());

        assertEquals(1, outcome.exit(), outcome.output());
        assertTrue(outcome.output().startsWith("[proxy] " + broken + " would not load in Envoy:"), outcome.output());
    }

    @Test
    void aConfigurationFileIsRead(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), "{\"targetURLPrefixes\": []}");

        Outcome outcome = run(dir, "--module", module(), "--config", "@" + config, "--port", "0");

        assertEquals(1, outcome.exit(), outcome.output());
        assertTrue(outcome.output().contains("$.targetURLPrefixes: expected a non-empty list"), outcome.output());
        assertTrue(outcome.output().contains("[proxy] the plugin failed to start (see its log line above)"),
                outcome.output());
    }
}
