package dev.proxywasm.emulator;

import dev.proxywasm.abi.GuestExport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A plugin written in the test: each export a lambda over its arguments, with the emulator's host
 * at hand for host calls; every call is recorded as {@code abi_name(args)}.
 */
final class ScriptedGuest implements Guest {
    final EmulatedHost host;
    final List<String> calls = new ArrayList<>();
    private final Map<GuestExport, ToIntFunction<int[]>> exports = new EnumMap<>(GuestExport.class);

    ScriptedGuest(EmulatedHost host) {
        this.host = host;
        on(GuestExport.PROXY_ON_CONTEXT_CREATE, a -> 0);
    }

    /** Exports {@code export} with {@code body}, which returns the export's result. */
    ScriptedGuest on(GuestExport export, ToIntFunction<int[]> body) {
        exports.put(export, body);
        return this;
    }

    @Override
    public boolean exports(GuestExport export) {
        return exports.containsKey(export);
    }

    @Override
    public int call(GuestExport export, int... args) {
        Guest.checkArguments(export, args);
        calls.add(export.abiName() + java.util.Arrays.toString(args));
        return exports.get(export).applyAsInt(args);
    }

    @Override
    public int memoryPages() {
        return -1;
    }

    @Override
    public void close() {}

    /** An emulator over a scripted guest that {@code script} sets up. */
    static Emulator emulator(java.util.function.Consumer<ScriptedGuest> script) {
        return Emulator.withGuest(host -> {
            ScriptedGuest guest = new ScriptedGuest(host);
            script.accept(guest);
            return guest;
        });
    }
}
