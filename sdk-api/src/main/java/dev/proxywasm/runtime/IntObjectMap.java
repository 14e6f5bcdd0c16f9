package dev.proxywasm.runtime;

/**
 * An int-keyed open-addressing map with no boxing and no per-entry objects, for the per-request
 * paths (context ids, failed streams). Key 0 is reserved as "empty".
 */
public final class IntObjectMap<V> {
    private int[] keys;
    private Object[] values;
    private int size;

    public IntObjectMap() {
        keys = new int[16];
        values = new Object[16];
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public V get(int key) {
        return (V) values[slot(key)];
    }

    /** Maps {@code key} (not 0) to {@code value}, replacing any previous value. */
    public void put(int key, V value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int i = slot(key);
        if (keys[i] == 0) {
            size++;
            keys[i] = key;
        }
        values[i] = value;
    }

    /** Removes {@code key} and returns its value, or {@code null} if absent. */
    @SuppressWarnings("unchecked")
    public V remove(int key) {
        int i = slot(key);
        if (keys[i] == 0) {
            return null;
        }
        int mask = keys.length - 1;
        V removed = (V) values[i];
        size--;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = 0;
        values[gap] = null;
        return removed;
    }

    /** The keys present now, in no particular order: a copy, so the caller may remove while it walks them. */
    public int[] keys() {
        int[] present = new int[size];
        int n = 0;
        for (int key : keys) {
            if (key != 0) {
                present[n++] = key;
            }
        }
        return present;
    }

    /** Removes every entry. */
    public void clear() {
        java.util.Arrays.fill(keys, 0);
        java.util.Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    /**
     * The slot that holds {@code key}, or the empty slot that ends its probe chain (where it would
     * go, and whose value is null): the one probe loop of every operation.
     */
    private int slot(int key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != key && keys[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
