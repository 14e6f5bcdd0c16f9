package dev.proxywasm.testing;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostCallException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code env} imports of ABI 0.2.1 for a module in Chicory: each reads its arguments from
 * linear memory, calls the {@link EmulatedHost}, and hands results back the way proxy-wasm-cpp-host
 * does, in memory obtained from the module's own allocator. Statuses: a value is {@code Ok}, no
 * value {@code NotFound} (or {@code Empty} for a queue), a {@link HostCallException} its result.
 */
final class EnvFunctions {
    private static final long[] OK = {0};

    private final EmulatedHost host;
    private final String allocator;
    private final List<HostFunction> functions = new ArrayList<>();
    /** The injected failure of the running call when it fails once its data is in the module's memory. */
    private HostCallFailures.Failure failingAfterWork;

    private EnvFunctions(EmulatedHost host, String allocator) {
        this.host = host;
        this.allocator = allocator;
    }

    /** The functions over {@code host}; results go into memory from the module's export {@code allocator}. */
    static List<HostFunction> of(EmulatedHost host, String allocator) {
        EnvFunctions env = new EnvFunctions(host, allocator);
        env.define();
        return env.functions;
    }

    @FunctionalInterface
    private interface Body {
        long[] apply(Instance instance, Memory memory, long[] args);
    }

    private void fn(String name, int params, Body body) {
        fn(name, params, -1, body);
    }

    /** Defines an i32 function; {@code i64Param} is the index of an i64 parameter, or -1. */
    private void fn(String name, int params, int i64Param, Body body) {
        List<ValType> types = new ArrayList<>();
        for (int i = 0; i < params; i++) {
            types.add(i == i64Param ? ValType.I64 : ValType.I32);
        }
        WasmFunctionHandle handle = (instance, args) -> {
            HostCallFailures.Failure failure = host.failures == null ? null : host.failures.next(name);
            if (failure != null && !failure.afterWork()) {
                return failure.result();
            }
            HostCallFailures.Failure outer = failingAfterWork;
            failingAfterWork = failure;
            try {
                long[] result = body.apply(instance, instance.memory(), args);
                return failure == null ? result : failure.result();
            } catch (HostCallException e) {
                return failure == null ? new long[] {e.result().code()} : failure.result();
            } finally {
                failingAfterWork = outer;
            }
        };
        functions.add(new HostFunction("env", name, FunctionType.of(types, List.of(ValType.I32)), handle));
    }

    private static byte[] read(Memory memory, long ptr, long size) {
        return memory.readBytes((int) ptr, (int) size);
    }

    /** Copies {@code data} into guest memory from its allocator and stores pointer and size. */
    private long[] out(Instance instance, byte[] data, long ptrPtr, long sizePtr) {
        Memory memory = instance.memory();
        int address = 0;
        if (data.length > 0) {
            address = (int) instance.export(allocator).apply(data.length)[0];
            if (address == 0) {
                return new long[] {WasmResult.INVALID_MEMORY_ACCESS.code()};
            }
            memory.write(address, data);
        }
        if (failingAfterWork != null) {
            return failingAfterWork.result();
        }
        memory.writeI32((int) ptrPtr, address);
        memory.writeI32((int) sizePtr, data.length);
        return OK;
    }

    private static long[] notFound() {
        return new long[] {WasmResult.NOT_FOUND.code()};
    }

    private void define() {
        fn("proxy_log", 3, (i, m, a) -> {
            host.log((int) a[0], read(m, a[1], a[2]));
            return OK;
        });
        fn("proxy_get_log_level", 1, (i, m, a) -> {
            m.writeI32((int) a[0], host.getLogLevel());
            return OK;
        });
        fn("proxy_get_current_time_nanoseconds", 1, (i, m, a) -> {
            m.writeLong((int) a[0], host.getCurrentTimeNanoseconds());
            return OK;
        });
        fn("proxy_set_tick_period_milliseconds", 1, (i, m, a) -> {
            host.setTickPeriodMilliseconds((int) a[0]);
            return OK;
        });
        fn("proxy_set_effective_context", 1, (i, m, a) -> {
            host.setEffectiveContext((int) a[0]);
            return OK;
        });
        fn("proxy_done", 0, (i, m, a) -> {
            host.done();
            return OK;
        });
        fn("proxy_call_foreign_function", 6, (i, m, a) -> {
            byte[] result = host.callForeignFunction(read(m, a[0], a[1]), read(m, a[2], a[3]));
            return result == null ? notFound() : out(i, result, a[4], a[5]);
        });
        fn("proxy_get_property", 4, (i, m, a) -> {
            byte[] value = host.getProperty(read(m, a[0], a[1]));
            return value == null ? notFound() : out(i, value, a[2], a[3]);
        });
        fn("proxy_set_property", 4, (i, m, a) ->
                host.storeProperty(read(m, a[0], a[1]), read(m, a[2], a[3])) ? OK : notFound());
        fn("proxy_get_buffer_bytes", 5, (i, m, a) -> {
            byte[] data = host.getBufferBytes((int) a[0], (int) a[1], (int) a[2]);
            return data == null ? notFound() : out(i, data, a[3], a[4]);
        });
        fn("proxy_get_buffer_status", 3, (i, m, a) -> {
            int size = host.getBufferSize((int) a[0]);
            if (size < 0) {
                return notFound();
            }
            m.writeI32((int) a[1], size);
            m.writeI32((int) a[2], 0);
            return OK;
        });
        fn("proxy_set_buffer_bytes", 5, (i, m, a) -> {
            host.setBufferBytes((int) a[0], (int) a[1], (int) a[2], read(m, a[3], a[4]));
            return OK;
        });
        fn("proxy_get_header_map_pairs", 3, (i, m, a) -> out(i, host.getHeaderMapPairs((int) a[0]), a[1], a[2]));
        fn("proxy_set_header_map_pairs", 3, (i, m, a) -> {
            host.setHeaderMapPairs((int) a[0], read(m, a[1], a[2]));
            return OK;
        });
        fn("proxy_get_header_map_value", 5, (i, m, a) -> {
            byte[] value = host.getHeaderMapValue((int) a[0], read(m, a[1], a[2]));
            return value == null ? notFound() : out(i, value, a[3], a[4]);
        });
        fn("proxy_add_header_map_value", 5, (i, m, a) -> {
            host.addHeaderMapValue((int) a[0], read(m, a[1], a[2]), read(m, a[3], a[4]));
            return OK;
        });
        fn("proxy_replace_header_map_value", 5, (i, m, a) -> {
            host.replaceHeaderMapValue((int) a[0], read(m, a[1], a[2]), read(m, a[3], a[4]));
            return OK;
        });
        fn("proxy_remove_header_map_value", 3, (i, m, a) -> {
            host.removeHeaderMapValue((int) a[0], read(m, a[1], a[2]));
            return OK;
        });
        fn("proxy_get_header_map_size", 2, (i, m, a) -> {
            m.writeI32((int) a[1], host.getHeaderMapSize((int) a[0]));
            return OK;
        });
        fn("proxy_continue_stream", 1, (i, m, a) -> {
            host.continueStream((int) a[0]);
            return OK;
        });
        fn("proxy_close_stream", 1, (i, m, a) -> {
            host.closeStream((int) a[0]);
            return OK;
        });
        fn("proxy_send_local_response", 8, (i, m, a) -> {
            host.sendLocalResponse((int) a[0], read(m, a[1], a[2]), read(m, a[3], a[4]), read(m, a[5], a[6]),
                    (int) a[7]);
            return OK;
        });
        fn("proxy_get_status", 3, (i, m, a) -> {
            Host.Status status = host.getStatus();
            m.writeI32((int) a[0], status.code());
            return out(i, status.message(), a[1], a[2]);
        });
        fn("proxy_http_call", 10, (i, m, a) -> {
            int token = host.httpCall(read(m, a[0], a[1]), read(m, a[2], a[3]), read(m, a[4], a[5]),
                    read(m, a[6], a[7]), (int) a[8]);
            m.writeI32((int) a[9], token);
            return OK;
        });
        fn("proxy_grpc_call", 12, (i, m, a) -> {
            int token = host.grpcCall(read(m, a[0], a[1]), read(m, a[2], a[3]), read(m, a[4], a[5]),
                    read(m, a[6], a[7]), read(m, a[8], a[9]), (int) a[10]);
            m.writeI32((int) a[11], token);
            return OK;
        });
        fn("proxy_grpc_stream", 9, (i, m, a) -> {
            int token = host.grpcStream(read(m, a[0], a[1]), read(m, a[2], a[3]), read(m, a[4], a[5]),
                    read(m, a[6], a[7]));
            m.writeI32((int) a[8], token);
            return OK;
        });
        fn("proxy_grpc_send", 4, (i, m, a) -> {
            host.grpcSend((int) a[0], read(m, a[1], a[2]), a[3] != 0);
            return OK;
        });
        fn("proxy_grpc_cancel", 1, (i, m, a) -> {
            host.grpcCancel((int) a[0]);
            return OK;
        });
        fn("proxy_grpc_close", 1, (i, m, a) -> {
            host.grpcClose((int) a[0]);
            return OK;
        });
        fn("proxy_get_shared_data", 5, (i, m, a) -> {
            Host.SharedValue value = host.getSharedData(read(m, a[0], a[1]));
            if (value == null) {
                return notFound();
            }
            long[] result = out(i, value.value(), a[2], a[3]);
            if (result == OK) {
                m.writeI32((int) a[4], value.cas());
            }
            return result;
        });
        fn("proxy_set_shared_data", 5, (i, m, a) -> host.setSharedData(read(m, a[0], a[1]), read(m, a[2], a[3]),
                (int) a[4]) ? OK : new long[] {WasmResult.CAS_MISMATCH.code()});
        fn("proxy_register_shared_queue", 3, (i, m, a) -> {
            m.writeI32((int) a[2], host.registerSharedQueue(read(m, a[0], a[1])));
            return OK;
        });
        fn("proxy_resolve_shared_queue", 5, (i, m, a) -> {
            int id = host.resolveSharedQueue(read(m, a[0], a[1]), read(m, a[2], a[3]));
            if (id < 0) {
                return notFound();
            }
            m.writeI32((int) a[4], id);
            return OK;
        });
        fn("proxy_enqueue_shared_queue", 3, (i, m, a) -> {
            host.enqueueSharedQueue((int) a[0], read(m, a[1], a[2]));
            return OK;
        });
        fn("proxy_dequeue_shared_queue", 3, (i, m, a) -> {
            byte[] data = host.dequeueSharedQueue((int) a[0]);
            return data == null ? new long[] {WasmResult.EMPTY.code()} : out(i, data, a[1], a[2]);
        });
        fn("proxy_define_metric", 4, (i, m, a) -> {
            m.writeI32((int) a[3], host.defineMetric((int) a[0], read(m, a[1], a[2])));
            return OK;
        });
        fn("proxy_increment_metric", 2, 1, (i, m, a) -> {
            host.incrementMetric((int) a[0], a[1]);
            return OK;
        });
        fn("proxy_record_metric", 2, 1, (i, m, a) -> {
            host.recordMetric((int) a[0], a[1]);
            return OK;
        });
        fn("proxy_get_metric", 2, (i, m, a) -> {
            m.writeLong((int) a[1], host.getMetric((int) a[0]));
            return OK;
        });
    }
}
