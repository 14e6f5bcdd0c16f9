package dev.proxywasm.emulator;

import dev.proxywasm.runtime.Host;
import java.util.HashMap;
import java.util.Map;

/**
 * Envoy's shared data: one key-value store for every VM of the proxy, each value with a CAS
 * version that starts at 1 and grows with every write.
 */
public final class SharedData {
    private final Map<String, Host.SharedValue> values = new HashMap<>();

    /** {@code proxy_get_shared_data}: a copy of the value and its CAS, or null. */
    Host.SharedValue get(String key) {
        Host.SharedValue value = values.get(key);
        return value == null ? null : new Host.SharedValue(value.value().clone(), value.cas());
    }

    /** {@code proxy_set_shared_data}: false on a CAS mismatch; CAS 0 writes unconditionally. */
    public boolean set(String key, byte[] value, int cas) {
        Host.SharedValue current = values.get(key);
        if (cas != 0 && current != null && current.cas() != cas) {
            return false;
        }
        int nextCas = current == null ? 1 : current.cas() + 1;
        values.put(key, new Host.SharedValue(value.clone(), nextCas));
        return true;
    }

    /** The value under {@code key}, or null. */
    public byte[] value(String key) {
        Host.SharedValue value = values.get(key);
        return value == null ? null : value.value().clone();
    }
}
