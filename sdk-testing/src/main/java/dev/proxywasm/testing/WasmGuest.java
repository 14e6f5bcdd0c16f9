package dev.proxywasm.testing;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs the compiled module in Chicory with its runtime compiler, as Envoy would: imports bound to
 * the emulator, start section run, {@code _initialize} called, {@code _start} never. Each module
 * file is parsed and compiled once per test run; each emulator gets a fresh instance.
 */
final class WasmGuest implements Guest {
    /** A parsed and compiled module, and the names of the functions it exports. */
    private record Compiled(WasmModule module, Function<Instance, Machine> machines, Set<String> functionExports) {
        /** cpp-host looks for {@code malloc} first, then {@code proxy_on_memory_allocate}. */
        String allocator() {
            return functionExports.contains("malloc") ? "malloc" : "proxy_on_memory_allocate";
        }
    }

    private static final Map<Path, Compiled> COMPILED = new ConcurrentHashMap<>();

    private final Instance instance;
    private final Set<String> functionExports;
    private final Map<String, ExportFunction> exports = new HashMap<>();

    WasmGuest(Path modulePath, EmulatedHost host) {
        Compiled compiled = COMPILED.computeIfAbsent(modulePath.toAbsolutePath().normalize(), WasmGuest::compile);
        this.functionExports = compiled.functionExports();
        List<HostFunction> imports = new ArrayList<>(EnvFunctions.of(host, compiled.allocator()));
        imports.addAll(WasiFunctions.of(host));
        this.instance = Instance.builder(compiled.module())
                .withImportValues(ImportValues.builder().withFunctions(new ArrayList<>(imports)).build())
                .withMachineFactory(compiled.machines())
                .withStart(false)
                .build();
        if (exports("_initialize")) {
            call("_initialize");
        }
    }

    private static Compiled compile(Path path) {
        try {
            WasmModule module = Parser.parse(Files.readAllBytes(path));
            Set<String> functions = new HashSet<>();
            for (int i = 0; i < module.exportSection().exportCount(); i++) {
                Export export = module.exportSection().getExport(i);
                if (export.exportType() == ExternalType.FUNCTION) {
                    functions.add(export.name());
                }
            }
            return new Compiled(module, MachineFactoryCompiler.compile(module), Set.copyOf(functions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exports(String name) {
        return functionExports.contains(name);
    }

    @Override
    public int call(String name, int... args) {
        ExportFunction function = exports.computeIfAbsent(name, instance::export);
        long[] wide = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            wide[i] = args[i];
        }
        try {
            long[] result = function.apply(wide);
            return result == null || result.length == 0 ? 0 : (int) result[0];
        } catch (ChicoryException | StackOverflowError e) {
            throw new WasmTrap(name, e);
        }
    }

    @Override
    public int memoryPages() {
        return instance.memory().pages();
    }

    @Override
    public void close() {}
}
