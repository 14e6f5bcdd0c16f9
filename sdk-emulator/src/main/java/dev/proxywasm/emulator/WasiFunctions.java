package dev.proxywasm.emulator;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Memory;
import dev.proxywasm.abi.LogLevel;
import dev.proxywasm.abi.WasiFunction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The WASI functions Envoy provides ({@link WasiFunction}), one per table entry under each WASI
 * module name, behaving as proxy-wasm-cpp-host's do: stdout and stderr become info and error logs,
 * there are no arguments or environment, the clocks tell the emulator's time, files do not exist,
 * and {@code proc_exit} logs instead of trapping.
 */
final class WasiFunctions {
    private static final int SUCCESS = 0;
    private static final int BADF = 8;
    private static final int NOSYS = 52;
    private static final int NOTCAPABLE = 76;

    @FunctionalInterface
    private interface Body {
        int apply(Memory memory, long[] args);
    }

    private final EmulatedHost host;
    private final Map<WasiFunction, Body> bodies = new EnumMap<>(WasiFunction.class);
    private final SecureRandom random = new SecureRandom();

    private WasiFunctions(EmulatedHost host) {
        this.host = host;
        define();
    }

    /**
     * The imports over {@code host}, one per table entry and WASI module name.
     *
     * @throws IllegalStateException if the emulator lacks an entry of the table
     */
    static List<HostFunction> of(EmulatedHost host) {
        WasiFunctions wasi = new WasiFunctions(host);
        List<HostFunction> imports = new ArrayList<>();
        for (WasiFunction function : WasiFunction.values()) {
            Body body = wasi.bodies.get(function);
            if (body == null) {
                throw new IllegalStateException("the emulator does not provide WASI " + function.abiName());
            }
            boolean returns = !function.signature().results().isEmpty();
            for (String module : WasiFunction.MODULES) {
                imports.add(new HostFunction(module, function.abiName(), ChicoryTypes.of(function.signature()),
                        (instance, args) -> {
                            int status = body.apply(instance.memory(), args);
                            return returns ? new long[] {status} : null;
                        }));
            }
        }
        return imports;
    }

    private void on(WasiFunction function, Body body) {
        if (bodies.put(function, body) != null) {
            throw new IllegalStateException(function.abiName() + " is defined twice");
        }
    }

    private void define() {
        on(WasiFunction.FD_WRITE, (m, a) -> {
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
                host.logs.write(fd == 1 ? LogLevel.INFO : LogLevel.ERROR, line);
            }
            return SUCCESS;
        });
        on(WasiFunction.FD_READ, (m, a) -> NOSYS);
        on(WasiFunction.FD_SEEK, (m, a) -> NOSYS);
        on(WasiFunction.FD_CLOSE, (m, a) -> BADF);
        on(WasiFunction.FD_FDSTAT_GET, (m, a) -> {
            if (a[0] > 2) {
                return BADF;
            }
            m.write((int) a[1], new byte[24]);
            m.write((int) a[1], new byte[] {2}); // character device
            return SUCCESS;
        });
        on(WasiFunction.FD_FDSTAT_SET_FLAGS, (m, a) -> NOSYS);
        on(WasiFunction.ENVIRON_GET, (m, a) -> SUCCESS);
        on(WasiFunction.ENVIRON_SIZES_GET, WasiFunctions::zeroCounts);
        on(WasiFunction.ARGS_GET, (m, a) -> SUCCESS);
        on(WasiFunction.ARGS_SIZES_GET, WasiFunctions::zeroCounts);
        on(WasiFunction.CLOCK_TIME_GET, (m, a) -> {
            long now = a[0] == 0 ? host.getCurrentTimeNanoseconds() : System.nanoTime();
            m.writeLong((int) a[2], now);
            return SUCCESS;
        });
        on(WasiFunction.RANDOM_GET, (m, a) -> {
            byte[] bytes = new byte[(int) a[1]];
            random.nextBytes(bytes);
            m.write((int) a[0], bytes);
            return SUCCESS;
        });
        on(WasiFunction.PATH_OPEN, (m, a) -> NOTCAPABLE);
        on(WasiFunction.FD_PRESTAT_GET, (m, a) -> BADF);
        on(WasiFunction.FD_PRESTAT_DIR_NAME, (m, a) -> BADF);
        on(WasiFunction.SCHED_YIELD, (m, a) -> SUCCESS);
        on(WasiFunction.POLL_ONEOFF, (m, a) -> NOSYS);
        on(WasiFunction.PROC_EXIT, (m, a) -> {
            host.logs.write(LogLevel.CRITICAL, WasiFunction.PROC_EXIT.abiName() + "(" + a[0] + ")");
            return SUCCESS;
        });
    }

    private static int zeroCounts(Memory m, long[] a) {
        m.writeI32((int) a[0], 0);
        m.writeI32((int) a[1], 0);
        return SUCCESS;
    }
}
