package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;

/**
 * Rewrites two checks TeaVM 0.13.1 compiles in long shapes into shorter equivalents: together
 * about 4 % of a module's code, and each does the same or less work afterwards.
 *
 * <ul>
 *   <li>A null check, {@code block (result i32) local.get X local.get X i32.eqz i32.eqz br_if 0 drop
 *       THROW end}, becomes {@code local.get X i32.eqz if THROW end local.get X}: 4 bytes.
 *   <li>A class's subtype test, a function returning whether its argument's class tag lies in
 *       [{@code lo}, {@code hi}) by two {@code if}s with returns, becomes {@code tag - lo < hi - lo}
 *       unsigned: about 20 bytes per class.
 * </ul>
 *
 * <p>Array bounds checks stay as TeaVM writes them ({@code i < 0}, then {@code i < length}): one
 * unsigned {@code i >= length} would be shorter, but only while a length is never negative, and
 * TeaVM 0.13.1 gives {@code new int[-1]} the length -1 instead of throwing; its two signed tests then
 * refuse every index, where the unsigned one would accept them all.
 *
 * <p>{@code THROW} is what TeaVM puts there: a call to the throwing function, optionally after a
 * call-site id store, then a branch out. It runs inside an {@code if} instead of a {@code block},
 * at the same label depth, so its branch is unchanged. Only these exact shapes are rewritten; any
 * other code is copied as it is, and an opcode the reader does not know leaves the module as it is.
 */
public final class CheckShortener {
    private static final int BLOCK = 0x02;
    private static final int IF = 0x04;
    private static final int EMPTY = 0x40;
    private static final int I32 = 0x7f;
    private static final int END = 0x0b;
    private static final int BR = 0x0c;
    private static final int BR_IF = 0x0d;
    private static final int RETURN = 0x0f;
    private static final int CALL = 0x10;
    private static final int DROP = 0x1a;
    private static final int LOCAL_GET = 0x20;
    private static final int LOCAL_SET = 0x21;
    private static final int I32_LOAD = 0x28;
    private static final int I32_STORE = 0x36;
    private static final int I32_CONST = 0x41;
    private static final int I32_EQZ = 0x45;
    private static final int I32_LT_S = 0x48;
    private static final int I32_LT_U = 0x49;
    private static final int I32_GE_S = 0x4e;
    private static final int I32_SUB = 0x6b;

    private CheckShortener() {}

    public static byte[] apply(byte[] wasm) {
        return FunctionBody.rewriteEach(wasm, body -> {
            byte[] subtypeTest = subtypeTest(body);
            return subtypeTest != null ? subtypeTest : shortened(body);
        });
    }

    private static byte[] shortened(FunctionBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.end - body.start);
        out.write(body.wasm, body.start, body.instructions - body.start);
        int i = 0;
        while (i < body.count()) {
            int matched = nullCheck(body, i, out);
            if (matched == 0) {
                body.copy(out, i, i + 1);
                matched = 1;
            }
            i += matched;
        }
        return out.toByteArray();
    }

    /** Rewrites a null check at {@code i}; returns how many instructions it took, or 0. */
    private static int nullCheck(FunctionBody body, int i, ByteArrayOutputStream out) {
        if (!body.is(i, BLOCK, I32) || body.op(i + 1) != LOCAL_GET || !body.same(i + 1, i + 2)
                || !body.is(i + 3, I32_EQZ) || !body.is(i + 4, I32_EQZ) || !body.is(i + 5, BR_IF, 0)
                || !body.is(i + 6, DROP)) {
            return 0;
        }
        int thrown = thrown(body, i + 7);
        if (thrown == 0 || !body.is(i + 7 + thrown, END)) {
            return 0;
        }
        body.copy(out, i + 1, i + 2);
        out.write(I32_EQZ);
        throwIf(body, i + 7, thrown, out);
        body.copy(out, i + 1, i + 2);
        return 8 + thrown;
    }

    /** {@code if THROW end}, the throw's {@code length} instructions copied from {@code i}. */
    private static void throwIf(FunctionBody body, int i, int length, ByteArrayOutputStream out) {
        out.write(IF);
        out.write(EMPTY);
        body.copy(out, i, i + length);
        out.write(END);
    }

    /**
     * The length of TeaVM's throw at {@code i}: {@code call T; br N}, optionally after a call-site
     * id store {@code local.get F; i32.const ID; i32.store}; or 0.
     */
    private static int thrown(FunctionBody body, int i) {
        int store = body.op(i) == LOCAL_GET && body.op(i + 1) == I32_CONST && body.op(i + 2) == I32_STORE ? 3 : 0;
        // A branch to depth 0 would leave the block with its i32; out of an if it cannot.
        boolean out = body.op(i + store + 1) == BR && body.u32(i + store + 1) > 0;
        return body.op(i + store) == CALL && out ? store + 2 : 0;
    }

    /**
     * The shorter body of a subtype test, or null if {@code body} is not one: {@code local.get 0
     * i32.load(tag) local.set 0 local.get 0 i32.const LO i32.lt_s if i32.const 0 return end local.get 0
     * i32.const HI i32.ge_s if i32.const 0 return end i32.const 1 return end}, no locals.
     */
    private static byte[] subtypeTest(FunctionBody body) {
        if (body.instructions != body.start + 1 || body.count() != 20 || !body.is(0, LOCAL_GET, 0)
                || body.op(1) != I32_LOAD || !body.is(2, LOCAL_SET, 0) || !body.is(3, LOCAL_GET, 0)
                || body.op(4) != I32_CONST || !body.is(5, I32_LT_S) || !returnsZero(body, 6)
                || !body.is(10, LOCAL_GET, 0) || body.op(11) != I32_CONST || !body.is(12, I32_GE_S)
                || !returnsZero(body, 13) || !body.is(17, I32_CONST, 1) || !body.is(18, RETURN)
                || !body.is(19, END)) {
            return null;
        }
        int lo = body.s32(4);
        int hi = body.s32(11);
        if (lo < 0 || hi < lo) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        out.write(0); // no locals
        body.copy(out, 0, 2);
        if (lo != 0) {
            out.write(I32_CONST);
            WasmSections.writeS32(out, lo);
            out.write(I32_SUB);
        }
        out.write(I32_CONST);
        WasmSections.writeS32(out, hi - lo);
        out.write(I32_LT_U);
        out.write(END);
        return out.toByteArray();
    }

    /** {@code if i32.const 0 return end} at {@code i}. */
    private static boolean returnsZero(FunctionBody body, int i) {
        return body.is(i, IF, EMPTY) && body.is(i + 1, I32_CONST, 0) && body.is(i + 2, RETURN) && body.is(i + 3, END);
    }
}
