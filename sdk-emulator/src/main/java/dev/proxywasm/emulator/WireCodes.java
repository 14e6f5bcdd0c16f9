package dev.proxywasm.emulator;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.MetricType;
import dev.proxywasm.abi.StreamType;

/** The ABI enum constant for a code the plugin passed, or null for a code the ABI does not define. */
final class WireCodes {
    private WireCodes() {}

    static MapType mapType(int code) {
        for (MapType type : MapType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        return null;
    }

    static BufferType bufferType(int code) {
        for (BufferType type : BufferType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        return null;
    }

    static StreamType streamType(int code) {
        for (StreamType type : StreamType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        return null;
    }

    static MetricType metricType(int code) {
        for (MetricType type : MetricType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        return null;
    }
}
