package dev.proxywasm.emulator;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.MetricType;
import dev.proxywasm.abi.StreamType;
import java.util.function.ToIntFunction;

/** The ABI enum constant for a code the plugin passed, or null for a code the ABI does not define. */
final class WireCodes {
    private WireCodes() {}

    static MapType mapType(int code) {
        return byCode(MapType.values(), MapType::code, code);
    }

    static BufferType bufferType(int code) {
        return byCode(BufferType.values(), BufferType::code, code);
    }

    static StreamType streamType(int code) {
        return byCode(StreamType.values(), StreamType::code, code);
    }

    static MetricType metricType(int code) {
        return byCode(MetricType.values(), MetricType::code, code);
    }

    private static <E> E byCode(E[] constants, ToIntFunction<E> codeOf, int code) {
        for (E constant : constants) {
            if (codeOf.applyAsInt(constant) == code) {
                return constant;
            }
        }
        return null;
    }
}
