package dev.proxywasm.runtime;

/**
 * The keys an object of the configuration has shown so far, to reject a repeated one: an
 * open-addressing table of strings. A {@code HashSet} would bring {@code HashMap} and its entries,
 * iterators and resizing into every module with a configuration record, about 2 KB of code.
 */
final class KeySet {
    private String[] slots = new String[8];
    private int size;

    /** Adds {@code key}; false when it was already there. */
    boolean add(String key) {
        if (size * 2 >= slots.length) {
            String[] old = slots;
            slots = new String[old.length * 2];
            for (String k : old) {
                if (k != null) {
                    slots[free(k)] = k;
                }
            }
        }
        int i = free(key);
        if (slots[i] != null) {
            return false;
        }
        slots[i] = key;
        size++;
        return true;
    }

    /** Whether no key was added yet. */
    boolean isEmpty() {
        return size == 0;
    }

    /** The slot that holds {@code key}, or the empty slot where it goes. */
    private int free(String key) {
        int mask = slots.length - 1;
        int i = key.hashCode() & mask;
        while (slots[i] != null && !slots[i].equals(key)) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
