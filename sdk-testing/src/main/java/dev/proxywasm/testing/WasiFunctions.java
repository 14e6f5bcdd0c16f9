package dev.proxywasm.testing;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.proxywasm.abi.LogLevel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The WASI functions every Envoy release provides, behaving as proxy-wasm-cpp-host's do: stdout
 * and stderr become info and error logs, there are no arguments or environment, the clocks tell
 * the emulator's time, files do not exist, and {@code proc_exit} logs instead of trapping.
 */
final class WasiFunctions {
    private static final int SUCCESS = 0;
    private static final int BADF = 8;
    private static final int NOSYS = 52;
    private static final int NOTCAPABLE = 76;
    private static final List<String> MODULES = List.of("wasi_snapshot_preview1", "wasi_unstable");

    private final EmulatedHost host;
    private final List<HostFunction> functions = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    private WasiFunctions(EmulatedHost host) {
        this.host = host;
    }

    static List<HostFunction> of(EmulatedHost host) {
        WasiFunctions wasi = new WasiFunctions(host);
        wasi.define();
        return wasi.functions;
    }

    @FunctionalInterface
    private interface Body {
        int apply(Memory memory, long[] args);
    }

    /** {@code signature}: one letter a parameter, i for i32 and I for i64. */
    private void fn(String name, String signature, Body body) {
        List<ValType> params = new ArrayList<>();
        for (char c : signature.toCharArray()) {
            params.add(c == 'I' ? ValType.I64 : ValType.I32);
        }
        WasmFunctionHandle handle = (instance, args) -> new long[] {body.apply(instance.memory(), args)};
        for (String module : MODULES) {
            functions.add(new HostFunction(module, name, FunctionType.of(params, List.of(ValType.I32)), handle));
        }
    }

    private void define() {
        fn("fd_write", "iiii", (m, a) -> {
            int fd = (int) a[0];
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int i = 0; i < (int) a[2]; i++) {
                int iov = (int) a[1] + 8 * i;
                text.writeBytes(m.readBytes(m.readInt(iov), m.readInt(iov + 4)));
            }
            m.writeI32((int) a[3], text.size());
            if (fd != 1 && fd != 2) {
                return BADF;
            }
            String line = text.toString(StandardCharsets.UTF_8).stripTrailing();
            if (!line.isEmpty()) {
                host.logs.add(new EmulatedHost.LogLine(fd == 1 ? LogLevel.INFO : LogLevel.ERROR, line));
            }
            return SUCCESS;
        });
        fn("fd_read", "iiii", (m, a) -> NOSYS);
        fn("fd_seek", "iIii", (m, a) -> NOSYS);
        fn("fd_close", "i", (m, a) -> BADF);
        fn("fd_fdstat_get", "ii", (m, a) -> {
            if (a[0] > 2) {
                return BADF;
            }
            m.write((int) a[1], new byte[24]);
            m.write((int) a[1], new byte[] {2}); // character device
            return SUCCESS;
        });
        fn("fd_fdstat_set_flags", "ii", (m, a) -> NOSYS);
        fn("environ_get", "ii", (m, a) -> SUCCESS);
        fn("environ_sizes_get", "ii", (m, a) -> zeroCounts(m, a));
        fn("args_get", "ii", (m, a) -> SUCCESS);
        fn("args_sizes_get", "ii", (m, a) -> zeroCounts(m, a));
        fn("clock_time_get", "iIi", (m, a) -> {
            long now = a[0] == 0 ? host.getCurrentTimeNanoseconds() : System.nanoTime();
            m.writeLong((int) a[2], now);
            return SUCCESS;
        });
        fn("random_get", "ii", (m, a) -> {
            byte[] bytes = new byte[(int) a[1]];
            random.nextBytes(bytes);
            m.write((int) a[0], bytes);
            return SUCCESS;
        });
        fn("path_open", "iiiiiIIii", (m, a) -> NOTCAPABLE);
        fn("fd_prestat_get", "ii", (m, a) -> BADF);
        fn("fd_prestat_dir_name", "iii", (m, a) -> BADF);
        fn("sched_yield", "", (m, a) -> SUCCESS);
        fn("poll_oneoff", "iiii", (m, a) -> NOSYS);
        for (String module : MODULES) {
            functions.add(new HostFunction(module, "proc_exit", FunctionType.of(List.of(ValType.I32), List.of()),
                    (instance, args) -> {
                        host.logs.add(new EmulatedHost.LogLine(LogLevel.CRITICAL, "proc_exit(" + args[0] + ")"));
                        return null;
                    }));
        }
    }

    private static int zeroCounts(Memory m, long[] a) {
        m.writeI32((int) a[0], 0);
        m.writeI32((int) a[1], 0);
        return SUCCESS;
    }
}
