package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Modules in TeaVM's shape, built byte by byte: function 0 is the frame allocator, function 1 a
 * callee, the rest own a frame in local 0 and call function 1 twice, each call with its id stored
 * before and checked after.
 */
class CallSiteIdFolderTest {
    private static final int FRAMED = 9;

    /** {@code local.get 0; i32.const id; i32.store}, the id store before a call. */
    private static void store(ByteArrayOutputStream b, int id) {
        b.writeBytes(new byte[] {0x20, 0, 0x41});
        WasmSections.writeS32(b, id);
        b.writeBytes(new byte[] {0x36, 2, 0});
    }

    /** {@code local.get 0; i32.load; i32.const id; i32.sub} and then {@code tail}. */
    private static void check(ByteArrayOutputStream b, int id, byte... tail) {
        b.writeBytes(new byte[] {0x20, 0, 0x28, 2, 0, 0x41});
        WasmSections.writeS32(b, id);
        b.write(0x6B);
        b.writeBytes(tail);
    }

    private static final byte[] PROLOGUE = {0x41, 2, 0x10, 0, 0x21, 0};
    private static final byte[] CALL = {0x10, 1};
    private static final byte[] BR_IF_OUT = {0x0D, 0};

    /** A framed body: two calls, each checked by {@code br_if}, or the second by {@code secondTail}. */
    private static byte[] framed(int firstId, int secondId, boolean storeSecond, int secondCheckId, byte... secondTail) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {1, 1, 0x7F});
        b.writeBytes(PROLOGUE);
        store(b, firstId);
        b.writeBytes(CALL);
        check(b, firstId, BR_IF_OUT);
        if (storeSecond) {
            store(b, secondId);
        }
        b.writeBytes(CALL);
        check(b, secondCheckId, secondTail);
        b.write(0x0B);
        return b.toByteArray();
    }

    private static byte[] module(List<byte[]> framedBodies) {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[] {0, 0x20, 0, 0x0B});
        bodies.add(new byte[] {0, 0x0B});
        bodies.addAll(framedBodies);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        WasmSections.section(out, 1, new byte[] {2, 0x60, 1, 0x7F, 1, 0x7F, 0x60, 0, 0});
        ByteArrayOutputStream functions = new ByteArrayOutputStream();
        WasmSections.writeU32(functions, bodies.size());
        functions.write(0);
        for (int i = 1; i < bodies.size(); i++) {
            functions.write(1);
        }
        WasmSections.section(out, 3, functions.toByteArray());
        WasmSections.section(out, 5, new byte[] {1, 0, 1});
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        WasmSections.writeU32(code, bodies.size());
        for (byte[] body : bodies) {
            WasmSections.writeU32(code, body.length);
            code.writeBytes(body);
        }
        WasmSections.section(out, 10, code.toByteArray());
        return out.toByteArray();
    }

    private static List<byte[]> framedBodies(byte[] last) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < FRAMED; i++) {
            bodies.add(framed(300 + 2 * i, 301 + 2 * i, true, 301 + 2 * i, BR_IF_OUT));
        }
        bodies.add(last);
        return bodies;
    }

    @Test
    void aFunctionWithoutHandlersStoresItsFirstIdOnceAndChecksEveryCallAgainstIt() {
        byte[] folded = CallSiteIdFolder.apply(module(framedBodies(framed(70, 71, true, 71, BR_IF_OUT))));

        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < FRAMED; i++) {
            expected.add(framed(300 + 2 * i, 0, false, 300 + 2 * i, BR_IF_OUT));
        }
        expected.add(framed(70, 0, false, 70, BR_IF_OUT));
        assertArrayEquals(module(expected), folded);
    }

    @Test
    void aSmallIdOfAFunctionWithoutHandlersServesEveryFoldedFunction() {
        byte[] folded = CallSiteIdFolder.apply(module(framedBodies(framed(7, 8, true, 8, BR_IF_OUT))));

        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i <= FRAMED; i++) {
            expected.add(framed(7, 0, false, 7, BR_IF_OUT));
        }
        assertArrayEquals(module(expected), folded);
    }

    @Test
    void whenIdZeroHasNoHandlersEveryFoldedFunctionStoresZeroAndChecksTheSlotAlone() {
        byte[] folded = CallSiteIdFolder.apply(module(framedBodies(framed(0, 1, true, 1, BR_IF_OUT))));

        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i <= FRAMED; i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(new byte[] {1, 1, 0x7F});
            b.writeBytes(PROLOGUE);
            store(b, 0);
            for (int call = 0; call < 2; call++) {
                b.writeBytes(CALL);
                b.writeBytes(new byte[] {0x20, 0, 0x28, 2, 0});
                b.writeBytes(BR_IF_OUT);
            }
            b.write(0x0B);
            expected.add(b.toByteArray());
        }
        assertArrayEquals(module(expected), folded);
    }

    @Test
    void aFunctionThatReadsTheSlotToDispatchKeepsItsIds() {
        byte[] dispatching = framed(7, 8, true, 8, (byte) 0x1A); // the difference kept, not br_if'd
        byte[] folded = CallSiteIdFolder.apply(module(framedBodies(dispatching)));

        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < FRAMED; i++) {
            expected.add(framed(300 + 2 * i, 0, false, 300 + 2 * i, BR_IF_OUT));
        }
        expected.add(dispatching);
        assertArrayEquals(module(expected), folded);
    }

    @Test
    void withoutAFrameAllocatorInMostFunctionsTheModuleIsUnchanged() {
        byte[] few = module(List.of(framed(7, 8, true, 8, BR_IF_OUT)));

        assertArrayEquals(few, CallSiteIdFolder.apply(few));
    }

    @Test
    void anUnknownOpcodeLeavesTheModuleUnchanged() {
        byte[] body = framed(7, 8, true, 8, BR_IF_OUT);
        body[body.length - 1] = (byte) 0xFE; // a threads prefix, which TeaVM does not write
        byte[] unknown = module(framedBodies(body));

        assertEquals(unknown.length, CallSiteIdFolder.apply(unknown).length);
        assertArrayEquals(unknown, CallSiteIdFolder.apply(unknown));
    }
}
