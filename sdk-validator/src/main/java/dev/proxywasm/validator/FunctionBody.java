package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One function body of a module's code section, as its instructions' start positions. */
class FunctionBody {
    static final int CODE = 10;

    final byte[] wasm;
    final int start;
    final int end;
    /** Where the body's instructions start, after its local declarations. */
    final int instructions;
    final int[] at;

    FunctionBody(byte[] wasm, int start, int end) {
        this.wasm = wasm;
        this.start = start;
        this.end = end;
        int[] pos = {start};
        int groups = WasmSections.readU32(wasm, pos);
        for (int i = 0; i < groups; i++) {
            WasmSections.readU32(wasm, pos);
            pos[0]++;
        }
        instructions = pos[0];
        List<Integer> starts = new ArrayList<>();
        int p = pos[0];
        while (p < end) {
            starts.add(p);
            p = Instructions.end(wasm, p);
        }
        at = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Each function body's start (after its size) and end, in the code section starting at {@code sectionStart}. */
    static List<int[]> bounds(byte[] wasm, int sectionStart) {
        int[] pos = {sectionStart + 1};
        WasmSections.readU32(wasm, pos);
        int count = WasmSections.readU32(wasm, pos);
        List<int[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int size = WasmSections.readU32(wasm, pos);
            bodies.add(new int[] {pos[0], pos[0] + size});
            pos[0] += size;
        }
        return bodies;
    }

    /** The module with its code section made of {@code bodies}, everything else as it was. */
    static byte[] withBodies(byte[] wasm, List<byte[]> bodies) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(wasm.length);
        WasmSections.writeU32(content, bodies.size());
        for (byte[] body : bodies) {
            WasmSections.writeU32(content, body.length);
            content.write(body, 0, body.length);
        }
        byte[] code = content.toByteArray();
        return WasmSections.rewrite(wasm, (id, start, end) -> id == CODE ? code : null);
    }

    /**
     * The module with each function body as {@code rewrite} makes it from the original; the module
     * itself if it has no code or a body holds an opcode the reader does not know.
     */
    static byte[] rewriteEach(byte[] wasm, Function<FunctionBody, byte[]> rewrite) {
        WasmSections.requireModule(wasm);
        int[] section = WasmSections.bounds(wasm, CODE);
        if (section == null) {
            return wasm;
        }
        List<byte[]> code = new ArrayList<>();
        try {
            for (int[] bounds : bounds(wasm, section[0])) {
                code.add(rewrite.apply(new FunctionBody(wasm, bounds[0], bounds[1])));
            }
        } catch (Instructions.UnknownOpcode e) {
            return wasm;
        }
        return withBodies(wasm, code);
    }

    byte[] original() {
        byte[] bytes = new byte[end - start];
        System.arraycopy(wasm, start, bytes, 0, bytes.length);
        return bytes;
    }

    int count() {
        return at.length;
    }

    int op(int i) {
        return i < at.length ? wasm[at[i]] & 0xff : -1;
    }

    /** Where instruction {@code i} ends. */
    int next(int i) {
        return i + 1 < at.length ? at[i + 1] : end;
    }

    int u32(int i) {
        return WasmSections.readU32(wasm, new int[] {at[i] + 1});
    }

    int s32(int i) {
        return WasmSections.readS32(wasm, new int[] {at[i] + 1});
    }

    /** The offset of a load or store. */
    int offset(int i) {
        int[] pos = {at[i] + 1};
        WasmSections.readU32(wasm, pos);
        return WasmSections.readU32(wasm, pos);
    }

    /** Whether instruction {@code i} is exactly these bytes, immediates included. */
    boolean is(int i, int... bytes) {
        if (i >= at.length || next(i) - at[i] != bytes.length) {
            return false;
        }
        for (int k = 0; k < bytes.length; k++) {
            if ((wasm[at[i] + k] & 0xff) != bytes[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether instructions {@code i} and {@code j} are byte for byte the same. */
    boolean same(int i, int j) {
        int length = next(i) - at[i];
        if (j >= at.length || next(j) - at[j] != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (wasm[at[i] + k] != wasm[at[j] + k]) {
                return false;
            }
        }
        return true;
    }

    /** Copies instructions {@code from} to {@code to} (exclusive). */
    void copy(ByteArrayOutputStream out, int from, int to) {
        if (to > from) {
            int end = to < at.length ? at[to] : this.end;
            out.write(wasm, at[from], end - at[from]);
        }
    }
}
