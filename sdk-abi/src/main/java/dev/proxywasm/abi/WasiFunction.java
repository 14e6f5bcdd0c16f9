package dev.proxywasm.abi;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The WASI functions Envoy links for a proxy-wasm module (module {@code wasi_snapshot_preview1}, or
 * the older {@code wasi_unstable}): a module importing any other WASI function does not load.
 */
public enum WasiFunction {
    FD_WRITE("fd_write", "(i32,i32,i32,i32)->i32", false),
    FD_READ("fd_read", "(i32,i32,i32,i32)->i32", false),
    FD_SEEK("fd_seek", "(i32,i64,i32,i32)->i32", false),
    FD_CLOSE("fd_close", "(i32)->i32", false),
    FD_FDSTAT_GET("fd_fdstat_get", "(i32,i32)->i32", false),
    ENVIRON_GET("environ_get", "(i32,i32)->i32", false),
    ENVIRON_SIZES_GET("environ_sizes_get", "(i32,i32)->i32", false),
    ARGS_GET("args_get", "(i32,i32)->i32", false),
    ARGS_SIZES_GET("args_sizes_get", "(i32,i32)->i32", false),
    CLOCK_TIME_GET("clock_time_get", "(i32,i64,i32)->i32", false),
    RANDOM_GET("random_get", "(i32,i32)->i32", false),
    PROC_EXIT("proc_exit", "(i32)->()", false),
    PATH_OPEN("path_open", "(i32,i32,i32,i32,i32,i64,i64,i32,i32)->i32", false),
    FD_PRESTAT_GET("fd_prestat_get", "(i32,i32)->i32", false),
    FD_PRESTAT_DIR_NAME("fd_prestat_dir_name", "(i32,i32,i32)->i32", false),
    FD_FDSTAT_SET_FLAGS("fd_fdstat_set_flags", "(i32,i32)->i32", true),
    SCHED_YIELD("sched_yield", "()->i32", true),
    POLL_ONEOFF("poll_oneoff", "(i32,i32,i32,i32)->i32", true);

    /** The module names WASI imports may use. */
    public static final Set<String> MODULES = Set.of("wasi_snapshot_preview1", "wasi_unstable");

    private static final Map<String, WasiFunction> BY_NAME = new HashMap<>();

    static {
        for (WasiFunction f : values()) {
            BY_NAME.put(f.abiName, f);
        }
    }

    private final String abiName;
    private final Signature signature;
    private final boolean since2024December;

    WasiFunction(String abiName, String signature, boolean since2024December) {
        this.abiName = abiName;
        this.signature = Signature.parse(signature);
        this.since2024December = since2024December;
    }

    public String abiName() {
        return abiName;
    }

    public Signature signature() {
        return signature;
    }

    /** Added to Envoy in December 2024: older Envoy and Istio releases refuse a module importing it. */
    public boolean since2024December() {
        return since2024December;
    }

    /** The function named {@code abiName}, or null if Envoy provides none. */
    public static WasiFunction byName(String abiName) {
        return BY_NAME.get(abiName);
    }
}
