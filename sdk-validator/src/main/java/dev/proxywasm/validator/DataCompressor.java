package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a module's initial memory compressed ({@link Lz77}) and adds a start function that
 * expands it before the module's own start function runs.
 *
 * <p>TeaVM lays out its strings (UTF-16) and class metadata as data segments: a quarter of a
 * module's bytes, and they compress to a third of that. The compressed stream is one active segment
 * that ends a little past where the expanded data ends, and is expanded in place: TeaVM asks for a
 * single page of initial memory and grows it at start, so there is no room to put it elsewhere. The
 * new start function expands it, zeroes what is left of it past the data and calls the old start
 * function, so the module's own code first runs on exactly the memory it was compiled for. Envoy
 * instantiates a module, which runs its start function, before it calls {@code _initialize}.
 *
 * <p>A module is left as it is if it has no start function, imports its memory, has a data segment
 * that is not active at a constant offset or code that names segments (a data count section), would
 * need more memory than its minimum, or would not get smaller.
 */
public final class DataCompressor {
    private static final int TYPE = 1;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int MEMORY = 5;
    private static final int START = 8;
    private static final int CODE = 10;
    private static final int DATA = 11;
    private static final int DATA_COUNT = 12;
    private static final int PAGE = 65_536;

    private DataCompressor() {}

    /** The module with its data compressed, or the module itself if that does not make it smaller. */
    public static byte[] apply(byte[] wasm) {
        WasmSections.requireModule(wasm);
        Layout layout = Layout.of(wasm);
        if (layout == null) {
            return wasm;
        }
        byte[] stream = Lz77.compress(layout.image);
        int source = layout.start + Lz77.inPlaceDistance(stream, layout.image.length);
        if ((long) source + stream.length > (long) layout.minimumPages * PAGE) {
            return wasm;
        }
        byte[] inflate = Inflater.body(source, stream.length, layout.start, layout.end, layout.oldStart);
        int voidType = layout.voidType >= 0 ? layout.voidType : layout.typeCount;
        int newFunction = layout.importedFunctions + layout.functionCount;

        byte[] compressed = WasmSections.rewrite(wasm, (id, start, end) -> switch (id) {
            case TYPE -> layout.voidType >= 0 ? null
                    : appended(wasm, start, end, layout.typeCount, new byte[] {0x60, 0, 0});
            case FUNCTION -> appended(wasm, start, end, layout.functionCount, WasmSections.u32(voidType));
            case START -> WasmSections.u32(newFunction);
            case CODE -> {
                ByteArrayOutputStream entry = new ByteArrayOutputStream();
                WasmSections.writeU32(entry, inflate.length);
                entry.write(inflate, 0, inflate.length);
                yield appended(wasm, start, end, layout.functionCount, entry.toByteArray());
            }
            case DATA -> {
                ByteArrayOutputStream data = new ByteArrayOutputStream(stream.length + 10);
                data.write(1);
                WasmSections.activeSegment(data, source, stream, 0, stream.length);
                yield data.toByteArray();
            }
            default -> null;
        });
        return compressed.length < wasm.length ? compressed : wasm;
    }

    /** A vector section's content with one more entry: the count rewritten, the entry at the end. */
    private static byte[] appended(byte[] wasm, int contentStart, int end, int count, byte[] entry) {
        int[] pos = {contentStart};
        WasmSections.readU32(wasm, pos);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - contentStart + entry.length + 5);
        WasmSections.writeU32(out, count + 1);
        out.write(wasm, pos[0], end - pos[0]);
        out.write(entry, 0, entry.length);
        return out.toByteArray();
    }

    /** What the rewrite needs to know of the module, or null when it leaves the module alone. */
    private static final class Layout {
        int typeCount;
        int voidType = -1;
        int importedFunctions;
        int functionCount;
        int minimumPages = -1;
        int oldStart = -1;
        int start;
        int end;
        byte[] image;

        static Layout of(byte[] wasm) {
            Layout layout = new Layout();
            List<int[]> segments = new ArrayList<>();
            int[] pos = {8};
            while (pos[0] < wasm.length) {
                int id = wasm[pos[0]++] & 0xff;
                int size = WasmSections.readU32(wasm, pos);
                int end = pos[0] + size;
                int[] at = {pos[0]};
                switch (id) {
                    case TYPE -> layout.readTypes(wasm, at);
                    case IMPORT -> {
                        if (!layout.readImports(wasm, at)) {
                            return null;
                        }
                    }
                    case FUNCTION -> layout.functionCount = WasmSections.readU32(wasm, at);
                    case MEMORY -> {
                        if (WasmSections.readU32(wasm, at) != 1) {
                            return null;
                        }
                        at[0]++;
                        layout.minimumPages = WasmSections.readU32(wasm, at);
                    }
                    case START -> layout.oldStart = WasmSections.readU32(wasm, at);
                    case DATA -> {
                        if (!readSegments(wasm, at, segments)) {
                            return null;
                        }
                    }
                    case DATA_COUNT -> {
                        // Code that names segments (memory.init, data.drop) would name ones that are gone.
                        return null;
                    }
                    default -> { }
                }
                pos[0] = end;
            }
            if (layout.oldStart < 0 || layout.minimumPages < 0 || segments.isEmpty()) {
                return null;
            }
            layout.start = Integer.MAX_VALUE;
            for (int[] segment : segments) {
                layout.start = Math.min(layout.start, segment[0]);
                layout.end = Math.max(layout.end, segment[0] + segment[2]);
            }
            layout.image = new byte[layout.end - layout.start];
            for (int[] segment : segments) {
                System.arraycopy(wasm, segment[1], layout.image, segment[0] - layout.start, segment[2]);
            }
            return layout;
        }

        private void readTypes(byte[] wasm, int[] at) {
            typeCount = WasmSections.readU32(wasm, at);
            for (int t = 0; t < typeCount; t++) {
                at[0]++; // 0x60
                int params = WasmSections.readU32(wasm, at);
                at[0] += params;
                int results = WasmSections.readU32(wasm, at);
                at[0] += results;
                if (params == 0 && results == 0 && voidType < 0) {
                    voidType = t;
                }
            }
        }

        /** Counts imported functions; false if the memory is imported. */
        private boolean readImports(byte[] wasm, int[] at) {
            int count = WasmSections.readU32(wasm, at);
            for (int i = 0; i < count; i++) {
                for (int name = 0; name < 2; name++) {
                    int length = WasmSections.readU32(wasm, at);
                    at[0] += length;
                }
                int kind = wasm[at[0]++] & 0xff;
                switch (kind) {
                    case 0 -> {
                        WasmSections.readU32(wasm, at);
                        importedFunctions++;
                    }
                    case 1 -> {
                        at[0]++; // reference type
                        skipLimits(wasm, at);
                    }
                    case 3 -> at[0] += 2; // value type, mutability
                    default -> {
                        return false;
                    }
                }
            }
            return true;
        }

        private static void skipLimits(byte[] wasm, int[] at) {
            int flags = wasm[at[0]++] & 0xff;
            WasmSections.readU32(wasm, at);
            if ((flags & 1) != 0) {
                WasmSections.readU32(wasm, at);
            }
        }

        /** Each segment as {offset, data start in the module, length}; false for any other form. */
        private static boolean readSegments(byte[] wasm, int[] at, List<int[]> segments) {
            int count = WasmSections.readU32(wasm, at);
            for (int s = 0; s < count; s++) {
                if (WasmSections.readU32(wasm, at) != 0 || (wasm[at[0]++] & 0xff) != 0x41) {
                    return false;
                }
                int offset = WasmSections.readS32(wasm, at);
                if (offset < 0 || (wasm[at[0]++] & 0xff) != 0x0b) {
                    return false;
                }
                int length = WasmSections.readU32(wasm, at);
                segments.add(new int[] {offset, at[0], length});
                at[0] += length;
            }
            return true;
        }
    }
}
