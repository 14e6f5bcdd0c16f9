package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes minimal modules for validator tests: function imports and exports with given
 * signatures (bodies are {@code unreachable}), and a memory. Signatures as in the validator:
 * {@code (i32,i64)->i32}.
 */
final class TinyModule {
    private final List<String> types = new ArrayList<>();
    private final List<String[]> imports = new ArrayList<>();
    private final List<String[]> globalImports = new ArrayList<>();
    private final List<String[]> functions = new ArrayList<>();
    private boolean memory = true;
    private final List<Object[]> data = new ArrayList<>();

    /** A module with everything Envoy requires and nothing else. */
    static TinyModule loadable() {
        return new TinyModule()
                .export("proxy_abi_version_0_2_1", "()->()")
                .export("_initialize", "()->()")
                .export("malloc", "(i32)->i32")
                .export("proxy_on_memory_allocate", "(i32)->i32")
                .export("proxy_on_context_create", "(i32,i32)->()")
                .importFunction("env", "proxy_log", "(i32,i32,i32)->i32")
                .importFunction("wasi_snapshot_preview1", "fd_write", "(i32,i32,i32,i32)->i32");
    }

    TinyModule importFunction(String module, String name, String signature) {
        imports.add(new String[] {module, name, signature});
        return this;
    }

    /** An imported immutable i32 global: something other than a function. */
    TinyModule importGlobal(String module, String name) {
        globalImports.add(new String[] {module, name});
        return this;
    }

    TinyModule export(String name, String signature) {
        functions.add(new String[] {name, signature});
        return this;
    }

    TinyModule without(String exportName) {
        functions.removeIf(f -> f[0].equals(exportName));
        return this;
    }

    /** An active data segment at {@code offset}. */
    TinyModule withData(int offset, byte[] bytes) {
        data.add(new Object[] {offset, bytes});
        return this;
    }

    TinyModule withoutMemory() {
        memory = false;
        return this;
    }

    byte[] bytes() {
        imports.forEach(i -> typeIndex(i[2]));
        functions.forEach(f -> typeIndex(f[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});

        ByteArrayOutputStream typeSection = new ByteArrayOutputStream();
        u32(typeSection, types.size());
        for (String signature : types) {
            typeSection.write(0x60);
            String params = signature.substring(1, signature.indexOf(')'));
            String results = signature.substring(signature.indexOf("->") + 2).replace("(", "").replace(")", "");
            valTypes(typeSection, params);
            valTypes(typeSection, results);
        }
        section(out, 1, typeSection);

        ByteArrayOutputStream importSection = new ByteArrayOutputStream();
        u32(importSection, imports.size() + globalImports.size());
        for (String[] i : imports) {
            name(importSection, i[0]);
            name(importSection, i[1]);
            importSection.write(0x00);
            u32(importSection, typeIndex(i[2]));
        }
        for (String[] g : globalImports) {
            name(importSection, g[0]);
            name(importSection, g[1]);
            importSection.writeBytes(new byte[] {0x03, 0x7f, 0x00}); // global, i32, immutable
        }
        section(out, 2, importSection);

        ByteArrayOutputStream functionSection = new ByteArrayOutputStream();
        u32(functionSection, functions.size());
        functions.forEach(f -> u32(functionSection, typeIndex(f[1])));
        section(out, 3, functionSection);

        if (memory) {
            section(out, 5, bytesOf(1, 0x00, 1));
        }

        ByteArrayOutputStream exportSection = new ByteArrayOutputStream();
        u32(exportSection, functions.size() + (memory ? 1 : 0));
        for (int i = 0; i < functions.size(); i++) {
            name(exportSection, functions.get(i)[0]);
            exportSection.write(0x00);
            u32(exportSection, imports.size() + i);
        }
        if (memory) {
            name(exportSection, "memory");
            exportSection.write(0x02);
            u32(exportSection, 0);
        }
        section(out, 7, exportSection);

        ByteArrayOutputStream codeSection = new ByteArrayOutputStream();
        u32(codeSection, functions.size());
        for (int i = 0; i < functions.size(); i++) {
            codeSection.writeBytes(new byte[] {3, 0, 0x00, 0x0b}); // size, no locals, unreachable, end
        }
        section(out, 10, codeSection);

        if (!data.isEmpty()) {
            ByteArrayOutputStream dataSection = new ByteArrayOutputStream();
            u32(dataSection, data.size());
            for (Object[] segment : data) {
                byte[] bytes = (byte[]) segment[1];
                dataSection.write(0);
                dataSection.write(0x41);
                s32(dataSection, (Integer) segment[0]);
                dataSection.write(0x0b);
                u32(dataSection, bytes.length);
                dataSection.writeBytes(bytes);
            }
            section(out, 11, dataSection);
        }
        return out.toByteArray();
    }

    private int typeIndex(String signature) {
        int index = types.indexOf(signature);
        if (index < 0) {
            types.add(signature);
            index = types.size() - 1;
        }
        return index;
    }

    private static void valTypes(ByteArrayOutputStream out, String list) {
        String[] names = list.isEmpty() ? new String[0] : list.split(",");
        u32(out, names.length);
        for (String n : names) {
            out.write(switch (n) {
                case "i32" -> 0x7f;
                case "i64" -> 0x7e;
                case "f32" -> 0x7d;
                case "f64" -> 0x7c;
                default -> throw new IllegalArgumentException(n);
            });
        }
    }

    private static ByteArrayOutputStream bytesOf(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            out.write(v);
        }
        return out;
    }

    private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream content) {
        out.write(id);
        u32(out, content.size());
        out.writeBytes(content.toByteArray());
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        u32(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        WasmSections.writeU32(out, value);
    }

    private static void s32(ByteArrayOutputStream out, int value) {
        WasmSections.writeS32(out, value);
    }
}
