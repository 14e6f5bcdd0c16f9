package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @Test
    void exitsZeroForALoadableModule() throws Exception {
        Path module = Files.write(dir.resolve("good.wasm"), TinyModule.loadable().bytes());

        assertEquals(0, run(module.toString()));
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("OK: loadable by Envoy"));
    }

    @Test
    void exitsOneAndSaysWhyForARefusedModule() throws Exception {
        Path module = Files.write(dir.resolve("bad.wasm"),
                TinyModule.loadable().importFunction("acme", "lookup", "(i32)->i32").bytes());

        assertEquals(1, run(module.toString()));
        String text = output.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("error: imports acme.lookup, which no proxy-wasm host provides"), text);
        assertTrue(text.contains("FAILS: Envoy would refuse this module"), text);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(output.toString(StandardCharsets.UTF_8).startsWith("usage: java -jar sdk-validator-"));
    }

    @Test
    void exitsTwoWithoutArguments() {
        assertEquals(2, run());
    }
}
