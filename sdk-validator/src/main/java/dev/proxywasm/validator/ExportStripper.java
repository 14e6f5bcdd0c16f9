package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * Removes named exports from a module by rewriting its export section; every other byte is kept.
 * Used to drop a WASI command's {@code _start}/{@code start}, which a proxy-wasm host must never run.
 */
public final class ExportStripper {
    private static final int EXPORT_SECTION = 7;

    private ExportStripper() {}

    /** The module without the exports named in {@code names}. */
    public static byte[] strip(byte[] wasm, Set<String> names) {
        WasmSections.requireModule(wasm);
        ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length);
        out.write(wasm, 0, 8);
        int[] pos = {8};
        while (pos[0] < wasm.length) {
            int sectionStart = pos[0];
            int id = wasm[pos[0]++] & 0xff;
            int size = WasmSections.readU32(wasm, pos);
            int contentStart = pos[0];
            int end = contentStart + size;
            if (id != EXPORT_SECTION) {
                out.write(wasm, sectionStart, end - sectionStart);
            } else {
                byte[] content = rewriteExports(wasm, contentStart, end, names);
                out.write(EXPORT_SECTION);
                WasmSections.writeU32(out, content.length);
                out.write(content, 0, content.length);
            }
            pos[0] = end;
        }
        return out.toByteArray();
    }

    private static byte[] rewriteExports(byte[] wasm, int start, int end, Set<String> names) {
        int[] pos = {start};
        int count = WasmSections.readU32(wasm, pos);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            int entryStart = pos[0];
            int nameLength = WasmSections.readU32(wasm, pos);
            String name = new String(wasm, pos[0], nameLength, java.nio.charset.StandardCharsets.UTF_8);
            pos[0] += nameLength + 1; // name, then the export kind byte
            WasmSections.readU32(wasm, pos); // index
            if (!names.contains(name)) {
                kept.write(wasm, entryStart, pos[0] - entryStart);
                keptCount++;
            }
        }
        if (pos[0] != end) {
            throw new IllegalArgumentException("malformed export section");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        WasmSections.writeU32(content, keptCount);
        byte[] entries = kept.toByteArray();
        content.write(entries, 0, entries.length);
        return content.toByteArray();
    }
}
