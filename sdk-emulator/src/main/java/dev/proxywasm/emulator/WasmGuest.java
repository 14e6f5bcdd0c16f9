package dev.proxywasm.emulator;

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
import dev.proxywasm.abi.GuestExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs the compiled module in Chicory with its runtime compiler, as Envoy would: imports bound to
 * the emulator, start section run, {@code _initialize} called, {@code _start} never. Each module
 * file is parsed and compiled once per JVM; each emulator gets a fresh instance.
 */
final class WasmGuest implements Guest {
    /** A parsed and compiled module, and the table's exports it has. */
    private record Compiled(WasmModule module, Function<Instance, Machine> machines, Set<GuestExport> exports) {
        /** cpp-host looks for {@code malloc} first, then {@code proxy_on_memory_allocate}. */
        GuestExport allocator() {
            return exports.contains(GuestExport.MALLOC) ? GuestExport.MALLOC : GuestExport.PROXY_ON_MEMORY_ALLOCATE;
        }
    }

    private static final Map<Path, Compiled> COMPILED = new ConcurrentHashMap<>();

    private final Instance instance;
    private final Set<GuestExport> exports;
    private final Map<GuestExport, ExportFunction> functions = new EnumMap<>(GuestExport.class);

    WasmGuest(Path modulePath, EmulatedHost host) {
        Compiled compiled = COMPILED.computeIfAbsent(modulePath.toAbsolutePath().normalize(), WasmGuest::compile);
        this.exports = compiled.exports();
        List<HostFunction> imports = new ArrayList<>(EnvFunctions.of(host, compiled.allocator()));
        imports.addAll(WasiFunctions.of(host));
        this.instance = Instance.builder(compiled.module())
                .withImportValues(ImportValues.builder().withFunctions(new ArrayList<>(imports)).build())
                .withMachineFactory(compiled.machines())
                .withStart(false)
                .build();
        if (exports(GuestExport.INITIALIZE)) {
            call(GuestExport.INITIALIZE);
        }
    }

    private static Compiled compile(Path path) {
        try {
            WasmModule module = Parser.parse(Files.readAllBytes(path));
            Set<GuestExport> exports = EnumSet.noneOf(GuestExport.class);
            for (int i = 0; i < module.exportSection().exportCount(); i++) {
                Export export = module.exportSection().getExport(i);
                GuestExport entry = GuestExport.byName(export.name());
                if (export.exportType() == ExternalType.FUNCTION && entry != null) {
                    exports.add(entry);
                }
            }
            return new Compiled(module, MachineFactoryCompiler.compile(module), Set.copyOf(exports));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exports(GuestExport export) {
        return exports.contains(export);
    }

    @Override
    public int call(GuestExport export, int... args) {
        Guest.checkArguments(export, args);
        ExportFunction function = functions.computeIfAbsent(export, e -> instance.export(e.abiName()));
        long[] wide = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            wide[i] = args[i];
        }
        try {
            long[] result = function.apply(wide);
            return result == null || result.length == 0 ? 0 : (int) result[0];
        } catch (ChicoryException | StackOverflowError e) {
            throw new Trap(export, e);
        }
    }

    @Override
    public int memoryPages() {
        return instance.memory().pages();
    }

    @Override
    public void close() {}
}
