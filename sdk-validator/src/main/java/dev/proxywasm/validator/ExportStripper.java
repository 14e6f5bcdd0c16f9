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
        return WasmSections.rewrite(wasm, (id, start, end) ->
                id == EXPORT_SECTION ? rewriteExports(wasm, start, end, names) : null);
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
