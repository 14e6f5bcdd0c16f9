package dev.proxywasm.api;

import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostBinding;

/**
 * Key-value data shared by every VM of the same {@code vm_id} on the proxy, with compare-and-swap:
 * read a value and its CAS token, write back with the token, retry if another worker won.
 */
public final class SharedData {
    /** A value and the CAS token to write it back with. */
    public record Value(byte[] bytes, int cas) {
        public String text() {
            return Utf8.decode(bytes);
        }
    }

    private SharedData() {}

    /** The value under {@code key}, or null. */
    public static Value get(String key) {
        Host.SharedValue value = HostBinding.host().getSharedData(Utf8.encode(key));
        return value == null ? null : new Value(value.value(), value.cas());
    }

    /** Writes {@code value} if the key still has token {@code cas} (0 writes unconditionally); false if not. */
    public static boolean set(String key, byte[] value, int cas) {
        return HostBinding.host().setSharedData(Utf8.encode(key), value, cas);
    }

    /** Writes {@code text} in UTF-8, as {@link #set(String, byte[], int)}. */
    public static boolean set(String key, String text, int cas) {
        return set(key, Utf8.encode(text), cas);
    }
}
