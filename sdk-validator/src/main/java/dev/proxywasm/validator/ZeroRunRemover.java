package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;

/**
 * Shrinks a module by leaving zero bytes out of its data segments: linear memory starts zeroed, so
 * an active segment split around a run of zeros initialises memory identically. A compiler that
 * writes its initial heap as one segment leaves it mostly zeros (UTF-16 strings, empty arrays).
 */
public final class ZeroRunRemover {
    /** Runs shorter than this are kept: a new segment header costs about seven bytes. */
    static final int MIN_RUN = 8;
    private static final int DATA = 11;
    private static final int DATA_COUNT = 12;

    private ZeroRunRemover() {}

    /** The module with long zero runs left out of its active {@code i32.const}-offset segments. */
    public static byte[] apply(byte[] wasm) {
        WasmSections.requireModule(wasm);
        int[] section = WasmSections.bounds(wasm, DATA);
        if (section == null) {
            return wasm;
        }
        int dataSectionStart = section[0];
        int[] count = {0};
        byte[] data = rewriteData(wasm, dataSectionStart, count);
        if (data == null) {
            return wasm;
        }
        byte[] dataCount = WasmSections.u32(count[0]);
        return WasmSections.rewrite(wasm, (id, start, end) -> id == DATA ? data : id == DATA_COUNT ? dataCount : null);
    }

    /** The new data section content, or null if a segment is of a form left untouched. */
    private static byte[] rewriteData(byte[] wasm, int sectionStart, int[] count) {
        int[] pos = {sectionStart + 1};
        WasmSections.readU32(wasm, pos);
        int segments = WasmSections.readU32(wasm, pos);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int s = 0; s < segments; s++) {
            int flag = WasmSections.readU32(wasm, pos);
            if (flag != 0 || (wasm[pos[0]] & 0xff) != 0x41) {
                return null;
            }
            pos[0]++;
            int offset = WasmSections.readS32(wasm, pos);
            if ((wasm[pos[0]++] & 0xff) != 0x0b) {
                return null;
            }
            int length = WasmSections.readU32(wasm, pos);
            int from = pos[0];
            int end = from + length;
            int i = from;
            while (i < end) {
                while (i < end && wasm[i] == 0) {
                    i++;
                }
                int pieceStart = i;
                int pieceEnd = i;
                while (i < end) {
                    int run = 0;
                    while (i + run < end && wasm[i + run] == 0) {
                        run++;
                    }
                    if (run >= MIN_RUN || i + run == end) {
                        break;
                    }
                    i += run == 0 ? 1 : run;
                    pieceEnd = i;
                }
                if (pieceEnd > pieceStart) {
                    WasmSections.activeSegment(body, offset + (pieceStart - from), wasm, pieceStart, pieceEnd - pieceStart);
                    count[0]++;
                }
            }
            pos[0] = end;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        WasmSections.writeU32(content, count[0]);
        byte[] segmentsBytes = body.toByteArray();
        content.write(segmentsBytes, 0, segmentsBytes.length);
        return content.toByteArray();
    }
}
