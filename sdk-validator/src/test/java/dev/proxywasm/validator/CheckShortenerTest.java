package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each of TeaVM's check shapes, in a function that returns its argument when the check passes
 * and -1 after calling the thrower (which counts its calls at address 0) when it fails; run before
 * and after the rewrite on the values at each edge.
 */
class CheckShortenerTest {
    /** Function 0: the thrower, {@code mem[0] += 1}. */
    private static final int[] THROWER = {0x41, 0, 0x41, 0, 0x28, 2, 0, 0x41, 1, 0x6a, 0x36, 2, 0, 0x0b};

    /** {@code f(x)}: x if not null. */
    private static final int[] NULL_CHECK = {
        0x02, 0x40, //  block
        0x02, 0x7f, //    block (result i32)
        0x20, 0, 0x20, 0, 0x45, 0x45, 0x0d, 0, 0x1a, // local.get 0 local.get 0 eqz eqz br_if 0 drop
        0x10, 0, 0x0c, 1, // call thrower, br 1
        0x0b, 0x0f, 0x0b, // end, return, end
        0x41, 0x7f, 0x0b // i32.const -1
    };

    /** {@code f(array, i)}: i if within the length stored at array + 8; left as it is. */
    private static final int[] BOUNDS_CHECK = {
        0x02, 0x40, //  block
        0x02, 0x7f, //    block (result i32)
        0x02, 0x40, //      block
        0x20, 1, 0x41, 0, 0x48, 0x0d, 0, // local.get 1 i32.const 0 i32.lt_s br_if 0
        0x20, 1, 0x20, 1, 0x20, 0, 0x28, 2, 8, 0x48, 0x0d, 1, 0x1a, // ... i32.load offset=8 i32.lt_s br_if 1 drop
        0x0b, //          end
        0x20, 0, 0x41, 9, 0x36, 2, 0, // a call-site id store
        0x10, 0, 0x0c, 1, // call thrower, br 1
        0x0b, 0x0f, 0x0b, // end, return, end
        0x41, 0x7f, 0x0b
    };

    /** {@code f(object)}: whether the tag at object + 16 is in [43, 45). */
    private static final int[] SUBTYPE_TEST = subtypeTest(43, 45);

    private static int[] subtypeTest(int lo, int hi) {
        return new int[] {
            0x20, 0, 0x28, 2, 16, 0x21, 0, // local.get 0 i32.load offset=16 local.set 0
            0x20, 0, 0x41, lo, 0x48, 0x04, 0x40, 0x41, 0, 0x0f, 0x0b, // < lo: return 0
            0x20, 0, 0x41, hi, 0x4e, 0x04, 0x40, 0x41, 0, 0x0f, 0x0b, // >= hi: return 0
            0x41, 1, 0x0f, 0x0b
        };
    }

    @Test
    void aNullCheckIsFourBytesShorterAndPassesAndThrowsAsBefore() {
        byte[] module = module("(i32)->i32", NULL_CHECK);
        byte[] shortened = CheckShortener.apply(module);

        assertEquals(module.length - 4, shortened.length);
        for (int x : new int[] {0, 1, -1, 4096}) {
            assertEquals(run(module, x), run(shortened, x), "f(" + x + ")");
        }
        assertEquals(List.of(-1L, 1L), run(shortened, 0));
    }

    @Test
    void aSubtypeTestIsOneUnsignedComparisonWithTheSameAnswers() {
        for (int[] range : new int[][] {{43, 45}, {0, 60}}) {
            byte[] module = module("(i32)->i32", subtypeTest(range[0], range[1]));
            byte[] shortened = CheckShortener.apply(module);

            assertEquals(module.length - (range[0] == 0 ? 24 : 21), shortened.length);
            for (int tag : new int[] {-1, 0, 42, 43, 44, 45, 59, 60, 61}) {
                assertEquals(tagged(module, tag), tagged(shortened, tag), "tag " + tag);
            }
        }
    }

    @Test
    void codeOfAnyOtherShapeIsLeftAsItIs() {
        int[] otherLocal = NULL_CHECK.clone();
        otherLocal[7] = 1; // local.get 0 then local.get 1: not a null check of one value
        int[] toDepthZero = NULL_CHECK.clone();
        toDepthZero[16] = 0; // br 0 leaves the block with an i32
        int[] noSecondTest = SUBTYPE_TEST.clone();
        noSecondTest[22] = 0x48; // i32.lt_s where the test has i32.ge_s

        byte[] a = module("(i32,i32)->i32", otherLocal);
        byte[] b = module("(i32)->i32", toDepthZero);
        byte[] c = module("(i32)->i32", noSecondTest);
        byte[] d = module("(i32,i32)->i32", BOUNDS_CHECK);

        assertArrayEquals(a, CheckShortener.apply(a));
        assertArrayEquals(b, CheckShortener.apply(b));
        assertArrayEquals(c, CheckShortener.apply(c));
        assertArrayEquals(d, CheckShortener.apply(d), "a bounds check: lengths can be negative");
    }

    @Test
    void aBoundsCheckStaysAsItIsBecauseTeavmLetsALengthBeNegative() {
        byte[] module = module("(i32,i32)->i32", BOUNDS_CHECK);
        byte[] shortened = CheckShortener.apply(module);

        // new int[-1] under TeaVM 0.13.1: the array at 64 gets length -1, and every index is refused.
        for (int i : new int[] {-1, 0, 1000}) {
            assertEquals(List.of(-1L, 1L), withArrayLength(shortened, -1, 64, i), "f(" + i + ")");
        }
    }

    /** {@code f(args)} and the thrower's count afterwards, on a fresh instance. */
    private static List<Long> run(byte[] wasm, int... args) {
        return withArrayLength(wasm, 3, args);
    }

    /** {@link #run}, with the array at 64 of {@code length}. */
    private static List<Long> withArrayLength(byte[] wasm, int length, int... args) {
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        instance.memory().writeI32(64 + 8, length);
        long[] values = new long[args.length];
        for (int k = 0; k < args.length; k++) {
            values[k] = args[k];
        }
        long result = instance.export("f").apply(values)[0];
        return List.of(result, (long) instance.memory().readInt(0));
    }

    /** {@code f} of an object at 128 whose tag is {@code tag}. */
    private static List<Long> tagged(byte[] wasm, int tag) {
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        instance.memory().writeI32(128 + 16, tag);
        return List.of(instance.export("f").apply(128)[0]);
    }

    /** A module with the thrower, {@code f} of {@code signature} with {@code body}, and one page. */
    private static byte[] module(String signature, int[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        int params = signature.substring(1, signature.indexOf(')')).split(",").length;
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.writeBytes(new byte[] {2, 0x60, 0, 0, 0x60, (byte) params});
        for (int p = 0; p < params; p++) {
            types.write(0x7f);
        }
        types.writeBytes(new byte[] {1, 0x7f});
        WasmSections.section(out, 1, types.toByteArray());
        WasmSections.section(out, 3, new byte[] {2, 0, 1});
        WasmSections.section(out, 5, new byte[] {1, 0, 1});
        WasmSections.section(out, 7, new byte[] {1, 1, 'f', 0, 1});
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(2);
        for (int[] function : List.of(THROWER, body)) {
            List<Integer> bytes = new ArrayList<>();
            bytes.add(0); // no locals
            for (int b : function) {
                bytes.add(b);
            }
            WasmSections.writeU32(code, bytes.size());
            bytes.forEach(code::write);
        }
        WasmSections.section(out, 10, code.toByteArray());
        return out.toByteArray();
    }
}
