package dev.proxywasm.api;

import dev.proxywasm.abi.BufferType;
import dev.proxywasm.runtime.HostBinding;

/**
 * The plugin's (or VM's) configuration as the host passed it: for Istio's {@code WasmPlugin} the
 * {@code pluginConfig} as JSON text, for Envoy the {@code configuration} value. Read once when the
 * plugin starts; a value, not a handle, so it can be kept.
 */
public final class Configuration {
    private final byte[] bytes;

    private Configuration(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A configuration with these bytes (copied), e.g. for tests. */
    public static Configuration of(byte[] bytes) {
        return new Configuration(bytes.clone());
    }

    /** Whether the host passed no configuration at all. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The length in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
    public String text() {
        return Utf8.decode(bytes);
    }
}
