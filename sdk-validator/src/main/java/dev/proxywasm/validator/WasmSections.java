package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;

/** LEB128 and section framing, shared by the module rewriters. */
final class WasmSections {
    private WasmSections() {}

    static void requireModule(byte[] wasm) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a WebAssembly module");
        }
    }

    /** Reads an unsigned LEB128 at {@code pos[0]}, advancing it. */
    static int readU32(byte[] b, int[] pos) {
        int result = 0;
        int shift = 0;
        while (true) {
            int x = b[pos[0]++] & 0xff;
            result |= (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    static void writeU32(ByteArrayOutputStream out, int value) {
        int v = value;
        do {
            int x = v & 0x7f;
            v >>>= 7;
            out.write(v != 0 ? x | 0x80 : x);
        } while (v != 0);
    }

    /** An unsigned LEB128 on its own: a one-number section or vector entry. */
    static byte[] u32(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(5);
        writeU32(out, value);
        return out.toByteArray();
    }

    /** Signed LEB128, as {@code i32.const} takes. */
    static void writeS32(ByteArrayOutputStream out, int value) {
        int v = value;
        while (true) {
            int x = v & 0x7f;
            v >>= 7;
            boolean done = (v == 0 && (x & 0x40) == 0) || (v == -1 && (x & 0x40) != 0);
            out.write(done ? x : x | 0x80);
            if (done) {
                return;
            }
        }
    }

    /** Reads a signed LEB128 at {@code pos[0]}, advancing it. */
    static int readS32(byte[] b, int[] pos) {
        int result = 0;
        int shift = 0;
        int x;
        do {
            x = b[pos[0]++] & 0xff;
            result |= (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        if (shift < 32 && (x & 0x40) != 0) {
            result |= -1 << shift;
        }
        return result;
    }

    /** The section {@code id}'s start (its id byte) and end, or null if the module has none. */
    static int[] bounds(byte[] wasm, int id) {
        int[] pos = {8};
        while (pos[0] < wasm.length) {
            int start = pos[0];
            int sectionId = wasm[pos[0]++] & 0xff;
            int size = readU32(wasm, pos);
            pos[0] += size;
            if (sectionId == id) {
                return new int[] {start, pos[0]};
            }
        }
        return null;
    }

    /** A section's new content, given its id and content bounds; null keeps the section as it is. */
    @FunctionalInterface
    interface SectionRewrite {
        byte[] content(int id, int contentStart, int end);
    }

    /** The module with each section's content as {@code rewrite} gives it, in the same order. */
    static byte[] rewrite(byte[] wasm, SectionRewrite rewrite) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length);
        out.write(wasm, 0, 8);
        int[] pos = {8};
        while (pos[0] < wasm.length) {
            int sectionStart = pos[0];
            int id = wasm[pos[0]++] & 0xff;
            int size = readU32(wasm, pos);
            int end = pos[0] + size;
            byte[] content = rewrite.content(id, pos[0], end);
            if (content == null) {
                out.write(wasm, sectionStart, end - sectionStart);
            } else {
                section(out, id, content);
            }
            pos[0] = end;
        }
        return out.toByteArray();
    }

    static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        writeU32(out, content.length);
        out.write(content, 0, content.length);
    }

    /** An active data segment of memory 0 at a constant offset. */
    static void activeSegment(ByteArrayOutputStream out, int offset, byte[] data, int from, int length) {
        out.write(0);
        out.write(0x41);
        writeS32(out, offset);
        out.write(0x0b);
        writeU32(out, length);
        out.write(data, from, length);
    }
}
