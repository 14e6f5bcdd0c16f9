package dev.proxywasm.emulator;

import static dev.proxywasm.emulator.HostCallArgs.OK;
import static dev.proxywasm.emulator.HostCallArgs.result;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostCallException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code env} imports of ABI 0.2.1 for a module in Chicory, one per {@link HostFunction} entry
 * and typed by its signature there: each reads its arguments by their roles, calls the
 * {@link EmulatedHost}, and hands results back as proxy-wasm-cpp-host does. Statuses: a value is
 * {@code Ok}, no value {@code NotFound} (or {@code Empty} for a queue), a
 * {@link HostCallException} its result.
 */
final class EnvFunctions {
    @FunctionalInterface
    private interface Body {
        long[] apply(HostCallArgs args);
    }

    private final EmulatedHost host;
    private final GuestExport allocator;
    private final Map<HostFunction, Body> bodies = new EnumMap<>(HostFunction.class);

    private EnvFunctions(EmulatedHost host, GuestExport allocator) {
        this.host = host;
        this.allocator = allocator;
        define();
    }

    /**
     * The imports over {@code host}, one per table entry; data goes into memory from the module's
     * export {@code allocator}.
     *
     * @throws IllegalStateException if the emulator lacks an entry of the table
     */
    static List<com.dylibso.chicory.runtime.HostFunction> of(EmulatedHost host, GuestExport allocator) {
        EnvFunctions env = new EnvFunctions(host, allocator);
        List<com.dylibso.chicory.runtime.HostFunction> imports = new ArrayList<>();
        for (HostFunction function : HostFunction.values()) {
            Body body = env.bodies.get(function);
            if (body == null) {
                throw new IllegalStateException("the emulator does not provide " + function.abiName());
            }
            imports.add(new com.dylibso.chicory.runtime.HostFunction(HostFunction.MODULE, function.abiName(),
                    ChicoryTypes.of(function.signature()), env.handle(function, body)));
        }
        return imports;
    }

    private void on(HostFunction function, Body body) {
        if (bodies.put(function, body) != null) {
            throw new IllegalStateException(function.abiName() + " is defined twice");
        }
    }

    /** The call with failure injection around it: before the work, or once its data is in memory. */
    private WasmFunctionHandle handle(HostFunction function, Body body) {
        return (Instance instance, long[] raw) -> {
            HostCallFailures.Failure failure = host.failures == null ? null : host.failures.next(function);
            if (failure != null && !failure.afterWork()) {
                return failure.result();
            }
            try {
                long[] result = body.apply(new HostCallArgs(function, instance, raw, allocator, failure));
                return failure == null ? result : failure.result();
            } catch (HostCallException e) {
                return failure == null ? result(e.result()) : failure.result();
            }
        };
    }

    private static long[] notFound() {
        return result(WasmResult.NOT_FOUND);
    }

    private void define() {
        on(HostFunction.PROXY_LOG, a -> {
            host.log(a.i32(0), a.in(1));
            return OK;
        });
        on(HostFunction.PROXY_GET_LOG_LEVEL, a -> {
            a.outI32(0, host.getLogLevel());
            return OK;
        });
        on(HostFunction.PROXY_GET_CURRENT_TIME_NANOSECONDS, a -> {
            a.outI64(0, host.getCurrentTimeNanoseconds());
            return OK;
        });
        on(HostFunction.PROXY_SET_TICK_PERIOD_MILLISECONDS, a -> {
            host.setTickPeriodMilliseconds(a.i32(0));
            return OK;
        });
        on(HostFunction.PROXY_SET_EFFECTIVE_CONTEXT, a -> {
            host.setEffectiveContext(a.i32(0));
            return OK;
        });
        on(HostFunction.PROXY_DONE, a -> {
            host.done();
            return OK;
        });
        on(HostFunction.PROXY_CALL_FOREIGN_FUNCTION, a -> {
            byte[] result = host.callForeignFunction(a.in(0), a.in(2));
            return result == null ? notFound() : a.out(4, result);
        });
        on(HostFunction.PROXY_GET_PROPERTY, a -> {
            byte[] value = host.getProperty(a.in(0));
            return value == null ? notFound() : a.out(2, value);
        });
        on(HostFunction.PROXY_SET_PROPERTY, a -> host.storeProperty(a.in(0), a.in(2)) ? OK : notFound());
        on(HostFunction.PROXY_GET_BUFFER_BYTES, a -> {
            byte[] data = host.getBufferBytes(a.i32(0), a.i32(1), a.i32(2));
            return data == null ? notFound() : a.out(3, data);
        });
        on(HostFunction.PROXY_GET_BUFFER_STATUS, a -> {
            int size = host.getBufferSize(a.i32(0));
            if (size < 0) {
                return notFound();
            }
            a.outI32(1, size);
            a.outI32(2, 0);
            return OK;
        });
        on(HostFunction.PROXY_SET_BUFFER_BYTES, a -> {
            host.setBufferBytes(a.i32(0), a.i32(1), a.i32(2), a.in(3));
            return OK;
        });
        defineHeaderMaps();
        defineStreams();
        defineCalls();
        defineSharedState();
    }

    private void defineHeaderMaps() {
        on(HostFunction.PROXY_GET_HEADER_MAP_PAIRS, a -> a.out(1, host.getHeaderMapPairs(a.i32(0))));
        on(HostFunction.PROXY_SET_HEADER_MAP_PAIRS, a -> {
            host.setHeaderMapPairs(a.i32(0), a.in(1));
            return OK;
        });
        on(HostFunction.PROXY_GET_HEADER_MAP_VALUE, a -> {
            byte[] value = host.getHeaderMapValue(a.i32(0), a.in(1));
            return value == null ? notFound() : a.out(3, value);
        });
        on(HostFunction.PROXY_ADD_HEADER_MAP_VALUE, a -> {
            host.addHeaderMapValue(a.i32(0), a.in(1), a.in(3));
            return OK;
        });
        on(HostFunction.PROXY_REPLACE_HEADER_MAP_VALUE, a -> {
            host.replaceHeaderMapValue(a.i32(0), a.in(1), a.in(3));
            return OK;
        });
        on(HostFunction.PROXY_REMOVE_HEADER_MAP_VALUE, a -> {
            host.removeHeaderMapValue(a.i32(0), a.in(1));
            return OK;
        });
        on(HostFunction.PROXY_GET_HEADER_MAP_SIZE, a -> {
            a.outI32(1, host.getHeaderMapSize(a.i32(0)));
            return OK;
        });
    }

    private void defineStreams() {
        on(HostFunction.PROXY_CONTINUE_STREAM, a -> {
            host.continueStream(a.i32(0));
            return OK;
        });
        on(HostFunction.PROXY_CLOSE_STREAM, a -> {
            host.closeStream(a.i32(0));
            return OK;
        });
        on(HostFunction.PROXY_SEND_LOCAL_RESPONSE, a -> {
            host.sendLocalResponse(a.i32(0), a.in(1), a.in(3), a.in(5), a.i32(7));
            return OK;
        });
        on(HostFunction.PROXY_GET_STATUS, a -> {
            Host.Status status = host.getStatus();
            a.outI32(0, status.code());
            return a.out(1, status.message());
        });
    }

    private void defineCalls() {
        on(HostFunction.PROXY_HTTP_CALL, a -> {
            a.outI32(9, host.httpCall(a.in(0), a.in(2), a.in(4), a.in(6), a.i32(8)));
            return OK;
        });
        on(HostFunction.PROXY_GRPC_CALL, a -> {
            a.outI32(11, host.grpcCall(a.in(0), a.in(2), a.in(4), a.in(6), a.in(8), a.i32(10)));
            return OK;
        });
        on(HostFunction.PROXY_GRPC_STREAM, a -> {
            a.outI32(8, host.grpcStream(a.in(0), a.in(2), a.in(4), a.in(6)));
            return OK;
        });
        on(HostFunction.PROXY_GRPC_SEND, a -> {
            host.grpcSend(a.i32(0), a.in(1), a.i32(3) != 0);
            return OK;
        });
        on(HostFunction.PROXY_GRPC_CANCEL, a -> {
            host.grpcCancel(a.i32(0));
            return OK;
        });
        on(HostFunction.PROXY_GRPC_CLOSE, a -> {
            host.grpcClose(a.i32(0));
            return OK;
        });
    }

    private void defineSharedState() {
        on(HostFunction.PROXY_GET_SHARED_DATA, a -> {
            Host.SharedValue value = host.getSharedData(a.in(0));
            if (value == null) {
                return notFound();
            }
            long[] result = a.out(2, value.value());
            if (result == OK) {
                a.outI32(4, value.cas());
            }
            return result;
        });
        on(HostFunction.PROXY_SET_SHARED_DATA, a -> host.setSharedData(a.in(0), a.in(2), a.i32(4)) ? OK
                : result(WasmResult.CAS_MISMATCH));
        on(HostFunction.PROXY_REGISTER_SHARED_QUEUE, a -> {
            a.outI32(2, host.registerSharedQueue(a.in(0)));
            return OK;
        });
        on(HostFunction.PROXY_RESOLVE_SHARED_QUEUE, a -> {
            int id = host.resolveSharedQueue(a.in(0), a.in(2));
            if (id < 0) {
                return notFound();
            }
            a.outI32(4, id);
            return OK;
        });
        on(HostFunction.PROXY_ENQUEUE_SHARED_QUEUE, a -> {
            host.enqueueSharedQueue(a.i32(0), a.in(1));
            return OK;
        });
        on(HostFunction.PROXY_DEQUEUE_SHARED_QUEUE, a -> {
            byte[] data = host.dequeueSharedQueue(a.i32(0));
            return data == null ? result(WasmResult.EMPTY) : a.out(1, data);
        });
        on(HostFunction.PROXY_DEFINE_METRIC, a -> {
            a.outI32(3, host.defineMetric(a.i32(0), a.in(1)));
            return OK;
        });
        on(HostFunction.PROXY_INCREMENT_METRIC, a -> {
            host.incrementMetric(a.i32(0), a.i64(1));
            return OK;
        });
        on(HostFunction.PROXY_RECORD_METRIC, a -> {
            host.recordMetric(a.i32(0), a.i64(1));
            return OK;
        });
        on(HostFunction.PROXY_GET_METRIC, a -> {
            a.outI64(1, host.getMetric(a.i32(0)));
            return OK;
        });
    }
}
