package dev.proxywasm.validator;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.validator.Problem.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Checks a module against what Envoy loads: imports only from {@code env} (ABI 0.2.1, exact
 * signatures) and Envoy's WASI subset; exports the ABI marker, an allocator, {@code _initialize}
 * and memory; no {@code _start}; every callback it exports has the signature the host calls.
 * It knows nothing of the compiler that wrote the module: each {@link Problem} names its kind,
 * import or export and signatures, so a build tool can add what its compiler's output means.
 */
public final class ModuleValidator {
    private ModuleValidator() {}

    /** Validates the bytes of a module; a module that does not parse is one error. */
    public static ValidationReport validate(byte[] wasm) {
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (RuntimeException e) {
            return new ValidationReport(List.of(new Problem(Kind.INVALID_MODULE, null, null, null, null,
                    "not a valid WebAssembly module: " + e.getMessage())), List.of(), List.of());
        }
        List<Problem> problems = new ArrayList<>();
        List<Symbol> imports = new ArrayList<>();
        List<Symbol> exports = new ArrayList<>();
        List<FunctionType> functionTypes = new ArrayList<>();

        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (imp.importType() != ExternalType.FUNCTION) {
                Symbol symbol = new Symbol(imp.module(), imp.name(), imp.importType().name().toLowerCase(Locale.ROOT));
                imports.add(symbol);
                problems.add(problem(Kind.NON_FUNCTION_IMPORT, symbol, null, "imports " + symbol + ": Envoy provides"
                        + " only functions"));
                continue;
            }
            FunctionType type = module.typeSection().getType(((FunctionImport) imp).typeIndex());
            functionTypes.add(type);
            Symbol symbol = new Symbol(imp.module(), imp.name(), signature(type));
            imports.add(symbol);
            checkImport(symbol, problems);
        }
        for (int i = 0; i < module.functionSection().functionCount(); i++) {
            functionTypes.add(module.functionSection().getFunctionType(i, module.typeSection()));
        }

        Map<String, Symbol> byName = new HashMap<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            Symbol symbol = new Symbol(null, export.name(), export.exportType() == ExternalType.FUNCTION
                    ? signature(functionTypes.get(export.index()))
                    : export.exportType().name().toLowerCase(Locale.ROOT));
            byName.put(export.name(), symbol);
            exports.add(symbol);
            if (symbol.isFunction()) {
                checkExport(symbol, problems);
            }
        }
        checkRequiredExports(byName, problems);
        return new ValidationReport(List.copyOf(problems), List.copyOf(imports), List.copyOf(exports));
    }

    private static void checkImport(Symbol imp, List<Problem> problems) {
        String where = imp.module() + "." + imp.name();
        String signature = imp.type();
        if (imp.module().equals(HostFunction.MODULE)) {
            String expected = AbiContract.ENV_IMPORTS.get(imp.name());
            if (expected == null) {
                problems.add(problem(Kind.UNKNOWN_HOST_FUNCTION, imp, null, "imports " + where
                        + ", which is not a proxy-wasm ABI 0.2.1 host function"
                        + (AbiContract.ABI_0_1_0_ONLY.contains(imp.name()) ? " (it is ABI 0.1.0 only)" : "")));
            } else if (!expected.equals(signature)) {
                problems.add(problem(Kind.WRONG_IMPORT_SIGNATURE, imp, expected, "imports " + where + " as "
                        + signature + ", but the host defines it as " + expected));
            }
            return;
        }
        if (AbiContract.WASI_MODULES.contains(imp.module())) {
            String expected = AbiContract.WASI_EVERY_ENVOY.get(imp.name());
            String newer = AbiContract.WASI_SINCE_2024_12.get(imp.name());
            if (expected == null && newer != null) {
                problems.add(problem(Kind.RECENT_WASI_FUNCTION, imp, newer, "imports " + where
                        + ", which Envoy provides only since 2024-12; older Envoy and Istio releases refuse the module"));
                expected = newer;
            }
            if (expected == null) {
                problems.add(problem(Kind.UNSUPPORTED_WASI_FUNCTION, imp, null, "imports " + where
                        + ", which is outside Envoy's WASI subset"));
            } else if (!expected.equals(signature)) {
                problems.add(problem(Kind.WRONG_IMPORT_SIGNATURE, imp, expected, "imports " + where + " as "
                        + signature + ", but WASI defines it as " + expected));
            }
            return;
        }
        problems.add(problem(Kind.UNKNOWN_IMPORT, imp, null, "imports " + where + ", which no proxy-wasm host provides"));
    }

    private static void checkExport(Symbol export, List<Problem> problems) {
        String name = export.name();
        String expected = AbiContract.CALLBACKS.get(name);
        if (expected != null && !expected.equals(export.type())) {
            problems.add(problem(Kind.WRONG_CALLBACK_SIGNATURE, export, expected, "exports " + name + " as "
                    + export.type() + ", but the host calls it as " + expected + ": Envoy refuses the module"));
        } else if (expected == null && name.startsWith("proxy_on_")) {
            problems.add(problem(Kind.UNKNOWN_CALLBACK, export, null, "exports " + name
                    + ", which no host calls (a misspelt callback?)"));
        }
    }

    /** The exports Envoy looks up before it calls anything, and the one it must not find. */
    private static void checkRequiredExports(Map<String, Symbol> exports, List<Problem> problems) {
        String marker = AbiContract.ABI_MARKER;
        if (!isFunction(exports.get(marker))) {
            problems.add(missing(Kind.MISSING_ABI_VERSION, marker, "exports no " + marker + ": the ABI marker;"
                    + " Envoy answers \"Missing or unknown Proxy-Wasm ABI version\""));
        }
        String malloc = GuestExport.Names.MALLOC;
        String allocate = GuestExport.Names.PROXY_ON_MEMORY_ALLOCATE;
        if (!isFunction(exports.get(malloc)) && !isFunction(exports.get(allocate))) {
            problems.add(missing(Kind.MISSING_ALLOCATOR, null, "exports no allocator: Envoy needs " + malloc + " or "
                    + allocate + " to hand data to the plugin"));
        }
        String initialize = GuestExport.Names.INITIALIZE;
        if (!isFunction(exports.get(initialize))) {
            problems.add(missing(Kind.MISSING_INITIALIZE, initialize, "exports no " + initialize + ": without it"
                    + " Envoy runs _start, which a reactor module must not have"));
        }
        Symbol memory = exports.get("memory");
        if (memory == null || !memory.type().equals("memory")) {
            problems.add(missing(Kind.MISSING_MEMORY, "memory",
                    "exports no memory named \"memory\": the host cannot exchange data"));
        }
        Symbol start = exports.get("_start");
        if (start != null) {
            problems.add(problem(Kind.COMMAND_EXPORT, start, null,
                    "exports _start: a WASI command; a proxy-wasm module is a reactor"));
        }
    }

    private static boolean isFunction(Symbol export) {
        return export != null && export.isFunction();
    }

    private static Problem problem(Kind kind, Symbol subject, String expected, String message) {
        return new Problem(kind, subject.module(), subject.name(), subject.type(), expected, message);
    }

    private static Problem missing(Kind kind, String name, String message) {
        return new Problem(kind, null, name, null, null, message);
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
        return type.toString().toLowerCase(Locale.ROOT);
    }
}
