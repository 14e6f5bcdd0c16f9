package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataCompressorTest {
    private static final int PAGE = 65_536;
    /** Start function: copies the byte at 1024 to 65000, so the test sees what it saw. */
    private static final byte[] COPY_FIRST_BYTE = {
        0, 0x41, (byte) 0xe8, (byte) 0xfb, 0x03, 0x41, (byte) 0x80, 0x08, 0x2d, 0, 0, 0x3a, 0, 0, 0x0b
    };

    /** Memory after instantiation, which runs the start function. */
    private static byte[] memoryAfterStart(byte[] wasm) {
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        return instance.memory().readBytes(0, PAGE);
    }

    /** UTF-16 strings and class-like records between runs of zeros, as TeaVM lays out its data. */
    private static byte[] teaVmLikeData(int size) {
        Random random = new Random(5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            String word = "x-envoy-" + Integer.toString(random.nextInt(5000), 36) + "-header ";
            out.writeBytes(word.getBytes(StandardCharsets.UTF_16LE));
            out.writeBytes(new byte[random.nextInt(3) * 16]);
            for (int i = 0; i < 4; i++) {
                int pointer = 1024 + random.nextInt(size);
                out.writeBytes(new byte[] {(byte) pointer, (byte) (pointer >> 8), 0, 0});
            }
        }
        return java.util.Arrays.copyOf(out.toByteArray(), size);
    }

    @Test
    void theStartFunctionSeesTheSameMemoryAndTheModuleShrinks() {
        byte[] module = module(true, COPY_FIRST_BYTE, 1024, teaVmLikeData(30_000), 40_000, new byte[] {7, 0, 0, 0, 9});

        byte[] compressed = DataCompressor.apply(module);

        assertTrue(compressed.length < module.length * 0.6, compressed.length + " vs " + module.length);
        byte[] expected = memoryAfterStart(module);
        assertEquals(expected[1024], expected[65_000], "the original start function ran after the data was in place");
        assertArrayEquals(expected, memoryAfterStart(compressed));
    }

    @Test
    void dataThatEndsNearTheEndOfTheMinimumMemoryStillExpandsInPlace() {
        byte[] noise = new byte[3_000];
        new Random(1).nextBytes(noise);
        // Noise ends the data, so the stream ends a few bytes past it: here, in the page's last 100.
        byte[] module = module(true, COPY_FIRST_BYTE, 1024, teaVmLikeData(50_000), PAGE - 100 - noise.length, noise);

        byte[] compressed = DataCompressor.apply(module);

        assertTrue(compressed.length < module.length, compressed.length + " vs " + module.length);
        assertArrayEquals(memoryAfterStart(module), memoryAfterStart(compressed));
    }

    @Test
    void aModuleLeftAsItIsWhenTheStreamWouldNotFitItsMemory() {
        byte[] noise = new byte[3_000];
        new Random(2).nextBytes(noise);
        // Zeros expand first, so the stream must start far past the data; no room below the page end.
        byte[] module = module(true, COPY_FIRST_BYTE, 1024, new byte[] {1}, PAGE - noise.length, noise);

        assertSame(module, DataCompressor.apply(module));
    }

    @Test
    void aModuleWithoutStartFunctionOrWithNoiseForDataIsLeftAsItIs() {
        byte[] noise = new byte[20_000];
        new Random(3).nextBytes(noise);
        byte[] withoutStart = module(false, null, 1024, teaVmLikeData(30_000), 0, null);
        byte[] incompressible = module(true, COPY_FIRST_BYTE, 1024, noise, 0, null);

        assertSame(withoutStart, DataCompressor.apply(withoutStart));
        assertSame(incompressible, DataCompressor.apply(incompressible));
    }

    @Test
    void theRewrittenModuleStillPassesTheValidator() {
        byte[] module = TinyModule.loadable().withData(1024, teaVmLikeData(20_000)).bytes();

        // No start function: unchanged, and the validator's verdict with it.
        assertEquals(ModuleValidator.validate(module), ModuleValidator.validate(DataCompressor.apply(module)));
    }

    /**
     * A module of one memory page: optionally a start function with {@code body}, and one or two
     * active data segments ({@code second} may be null).
     */
    private static byte[] module(boolean start, byte[] body, int firstAt, byte[] first, int secondAt, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        WasmSections.section(out, 1, new byte[] {1, 0x60, 0, 0});
        if (start) {
            WasmSections.section(out, 3, new byte[] {1, 0});
        }
        WasmSections.section(out, 5, new byte[] {1, 0, 1});
        WasmSections.section(out, 7, new byte[] {1, 6, 'm', 'e', 'm', 'o', 'r', 'y', 2, 0});
        if (start) {
            WasmSections.section(out, 8, new byte[] {0});
            ByteArrayOutputStream code = new ByteArrayOutputStream();
            code.write(1);
            WasmSections.writeU32(code, body.length);
            code.writeBytes(body);
            WasmSections.section(out, 10, code.toByteArray());
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(second == null ? 1 : 2);
        segment(data, firstAt, first);
        if (second != null) {
            segment(data, secondAt, second);
        }
        WasmSections.section(out, 11, data.toByteArray());
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int offset, byte[] bytes) {
        out.write(0);
        out.write(0x41);
        WasmSections.writeS32(out, offset);
        out.write(0x0b);
        WasmSections.writeU32(out, bytes.length);
        out.writeBytes(bytes);
    }
}
