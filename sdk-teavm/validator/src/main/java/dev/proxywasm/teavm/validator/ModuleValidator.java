package dev.proxywasm.teavm.validator;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Checks a module against what Envoy loads: imports only from {@code env} (ABI 0.2.1, exact
 * signatures) and Envoy's WASI subset; exports the ABI marker, an allocator, {@code _initialize}
 * and memory; no {@code _start}; every callback it exports has the signature the host calls.
 */
public final class ModuleValidator {
    private ModuleValidator() {}

    /** Validates the bytes of a module; a module that does not parse is one error. */
    public static ValidationReport validate(byte[] wasm) {
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (RuntimeException e) {
            return new ValidationReport(List.of(new Problem(Problem.Severity.ERROR,
                    "not a valid WebAssembly module: " + e.getMessage())), List.of(), List.of());
        }
        List<Problem> problems = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        List<FunctionType> functionTypes = new ArrayList<>();

        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            String where = imp.module() + "." + imp.name();
            if (imp.importType() != ExternalType.FUNCTION) {
                problems.add(error("imports " + where + " (" + imp.importType().name().toLowerCase()
                        + "): Envoy provides only functions"));
                imports.add(where + " (" + imp.importType().name().toLowerCase() + ")");
                continue;
            }
            FunctionType type = module.typeSection().getType(((FunctionImport) imp).typeIndex());
            functionTypes.add(type);
            String signature = signature(type);
            imports.add(where + " " + signature);
            checkImport(imp.module(), imp.name(), signature, problems);
        }
        for (int i = 0; i < module.functionSection().functionCount(); i++) {
            functionTypes.add(module.functionSection().getFunctionType(i, module.typeSection()));
        }

        Map<String, Export> byName = new HashMap<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            byName.put(export.name(), export);
            if (export.exportType() == ExternalType.FUNCTION) {
                String signature = signature(functionTypes.get(export.index()));
                exports.add(export.name() + " " + signature);
                checkExport(export.name(), signature, problems);
            } else {
                exports.add(export.name() + " (" + export.exportType().name().toLowerCase() + ")");
            }
        }
        requireFunction(byName, AbiContract.ABI_MARKER, "the ABI marker; Envoy answers "
                + "\"Missing or unknown Proxy-Wasm ABI version\"", problems);
        if (!isFunction(byName.get("malloc")) && !isFunction(byName.get("proxy_on_memory_allocate"))) {
            problems.add(error("exports no allocator: Envoy needs malloc or proxy_on_memory_allocate"
                    + " to hand data to the plugin"));
        }
        requireFunction(byName, "_initialize", "without it Envoy runs _start, which a reactor module must"
                + " not have", problems);
        Export memory = byName.get("memory");
        if (memory == null || memory.exportType() != ExternalType.MEMORY) {
            problems.add(error("exports no memory named \"memory\": the host cannot exchange data"));
        }
        if (byName.containsKey("_start")) {
            problems.add(error("exports _start: a WASI command; a proxy-wasm module is a reactor"
                    + " (TeaVM's _start corrupts its heap when run with argc = 0)"));
        }
        return new ValidationReport(List.copyOf(problems), List.copyOf(imports), List.copyOf(exports));
    }

    private static void checkImport(String module, String name, String signature, List<Problem> problems) {
        String where = module + "." + name;
        if (module.equals("env")) {
            String expected = AbiContract.ENV_IMPORTS.get(name);
            if (expected == null) {
                problems.add(error("imports " + where + ", which is not a proxy-wasm ABI 0.2.1 host function"
                        + (AbiContract.ABI_0_1_0_ONLY.contains(name) ? " (it is ABI 0.1.0 only)" : "")));
            } else if (!expected.equals(signature)) {
                problems.add(error("imports " + where + " as " + signature + ", but the host defines it as " + expected));
            }
            return;
        }
        if (AbiContract.WASI_MODULES.contains(module)) {
            String expected = AbiContract.WASI_EVERY_ENVOY.get(name);
            String newer = AbiContract.WASI_SINCE_2024_12.get(name);
            if (expected == null && newer != null) {
                problems.add(new Problem(Problem.Severity.WARNING, "imports " + where
                        + ", which Envoy provides only since 2024-12; older Envoy and Istio releases refuse the module"));
                expected = newer;
            }
            if (expected == null) {
                problems.add(error("imports " + where + ", which is outside Envoy's WASI subset"));
            } else if (!expected.equals(signature)) {
                problems.add(error("imports " + where + " as " + signature + ", but WASI defines it as " + expected));
            }
            return;
        }
        ImportHints.Hint hint = ImportHints.of(module, name);
        problems.add(error("imports " + where + ", which no proxy-wasm host provides"
                + (hint == null ? "" : "; it comes from " + hint.javaCall() + " in the plugin's code or its libraries"
                        + (hint.instead() == null ? "" : " (instead: " + hint.instead() + ")"))));
    }

    private static void checkExport(String name, String signature, List<Problem> problems) {
        String expected = AbiContract.CALLBACKS.get(name);
        if (expected != null && !expected.equals(signature)) {
            problems.add(error("exports " + name + " as " + signature + ", but the host calls it as " + expected
                    + ": Envoy refuses the module"));
        } else if (expected == null && name.startsWith("proxy_on_")) {
            problems.add(new Problem(Problem.Severity.WARNING, "exports " + name
                    + ", which no host calls (a misspelt callback?)"));
        }
    }

    private static void requireFunction(Map<String, Export> exports, String name, String why, List<Problem> problems) {
        if (!isFunction(exports.get(name))) {
            problems.add(error("exports no " + name + ": " + why));
        }
    }

    private static boolean isFunction(Export export) {
        return export != null && export.exportType() == ExternalType.FUNCTION;
    }

    private static Problem error(String message) {
        return new Problem(Problem.Severity.ERROR, message);
    }

    /** {@code (i32,i64)->i32}. */
    static String signature(FunctionType type) {
        StringJoiner params = new StringJoiner(",", "(", ")");
        for (ValType param : type.params()) {
            params.add(name(param));
        }
        StringJoiner returns = new StringJoiner(",", type.returns().size() == 1 ? "" : "(",
                type.returns().size() == 1 ? "" : ")");
        for (ValType result : type.returns()) {
            returns.add(name(result));
        }
        return params + "->" + returns;
    }

    private static String name(ValType type) {
        if (type.equals(ValType.I32)) {
            return "i32";
        }
        if (type.equals(ValType.I64)) {
            return "i64";
        }
        if (type.equals(ValType.F32)) {
            return "f32";
        }
        if (type.equals(ValType.F64)) {
            return "f64";
        }
        return type.toString().toLowerCase();
    }
}
