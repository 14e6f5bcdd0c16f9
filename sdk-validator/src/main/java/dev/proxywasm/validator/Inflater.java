package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;

/**
 * The body of the start function {@link DataCompressor} adds: it expands an {@link Lz77} stream
 * in place, zeroes what is left of the stream past the output and calls the module's own start
 * function. The Java decoder {@link Lz77#decompress} is the same loop.
 */
final class Inflater {
    private static final int S = 0;
    private static final int D = 1;
    private static final int TOKEN = 2;
    private static final int N = 3;
    private static final int DISTANCE = 4;
    private static final int X = 5;

    private final ByteArrayOutputStream code = new ByteArrayOutputStream(200);

    private Inflater() {}

    /**
     * Expands the {@code length} bytes at {@code source} into [{@code start}, {@code end}), then
     * calls function {@code next}. The stream may overlap the output as {@link Lz77#inPlaceDistance}
     * allows.
     */
    static byte[] body(int source, int length, int start, int end, int next) {
        Inflater f = new Inflater();
        f.bytes(1, 6, 0x7f); // six i32 locals
        f.constant(source).set(S);
        f.constant(start).set(D);
        f.bytes(0x02, 0x40); // block: done
        f.bytes(0x03, 0x40); //   loop: one sequence
        f.get(S).bytes(0x2d, 0, 0).set(TOKEN); // i32.load8_u
        f.advance(S, 1);
        f.get(TOKEN).constant(5).bytes(0x76).set(N); // i32.shr_u
        f.extend(Lz77.LITERALS_FULL);
        f.get(D).get(S).get(N).bytes(0xfc, 0x0a, 0, 0); // memory.copy
        f.add(D, N);
        f.add(S, N);
        f.get(D).constant(end).bytes(0x46, 0x0d, 1); // i32.eq, br_if done
        // One distance byte when the token says so: the two bytes masked to the first.
        f.get(S).bytes(0x2f, 0, 0); // i32.load16_u, unaligned
        f.constant(0xffff).get(TOKEN).constant(Lz77.NEAR).bytes(0x71).constant(1).bytes(0x76, 0x76, 0x71); // and, shr_u, shr_u, and
        f.set(DISTANCE);
        f.get(S).constant(2).get(TOKEN).constant(4).bytes(0x76).constant(1).bytes(0x71, 0x6b, 0x6a).set(S); // shr_u, and, sub, add
        f.get(TOKEN).constant(Lz77.MATCH_FULL).bytes(0x71).set(N); // i32.and
        f.extend(Lz77.MATCH_FULL);
        f.advance(N, Lz77.MIN_MATCH);
        f.get(DISTANCE).get(N).bytes(0x49, 0x04, 0x40); // i32.lt_u, if: the match overlaps itself
        f.bytes(0x03, 0x40); // loop: a byte at a time
        f.get(D).get(D).get(DISTANCE).bytes(0x6b, 0x2d, 0, 0, 0x3a, 0, 0); // i32.sub, i32.load8_u, i32.store8
        f.advance(D, 1);
        f.get(N).constant(1).bytes(0x6b, 0x22, N, 0x0d, 0, 0x0b); // i32.sub, local.tee, br_if, end
        f.bytes(0x05); // else
        f.get(D).get(D).get(DISTANCE).bytes(0x6b).get(N).bytes(0xfc, 0x0a, 0, 0); // memory.copy
        f.add(D, N);
        f.bytes(0x0b); // end if
        f.bytes(0x0c, 0); // br: next sequence
        f.bytes(0x0b, 0x0b); // end loop, end block
        int leftFrom = Math.max(end, source);
        if (source + length > leftFrom) {
            f.constant(leftFrom).constant(0).constant(source + length - leftFrom).bytes(0xfc, 0x0b, 0); // memory.fill
        }
        f.bytes(0x10);
        WasmSections.writeU32(f.code, next); // call
        f.bytes(0x0b);
        return f.code.toByteArray();
    }

    /** A field of all ones continues: adds bytes from the stream until one is not 255. */
    private void extend(int full) {
        get(N).constant(full).bytes(0x46, 0x04, 0x40); // i32.eq, if
        bytes(0x03, 0x40); // loop
        get(S).bytes(0x2d, 0, 0, 0x22, X).get(N).bytes(0x6a).set(N); // load8_u, local.tee, i32.add
        advance(S, 1);
        get(X).constant(255).bytes(0x46, 0x0d, 0); // i32.eq, br_if loop
        bytes(0x0b, 0x0b); // end loop, end if
    }

    private Inflater advance(int local, int by) {
        return get(local).constant(by).bytes(0x6a).set(local);
    }

    private Inflater add(int local, int other) {
        return get(local).get(other).bytes(0x6a).set(local);
    }

    private Inflater get(int local) {
        return bytes(0x20, local);
    }

    private Inflater set(int local) {
        return bytes(0x21, local);
    }

    private Inflater constant(int value) {
        code.write(0x41);
        WasmSections.writeS32(code, value);
        return this;
    }

    private Inflater bytes(int... values) {
        for (int v : values) {
            code.write(v);
        }
        return this;
    }
}
