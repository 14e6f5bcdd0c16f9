package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The configuration reader's duplicate-key set, across its growth and hash collisions. */
class KeySetTest {

    @Test
    void findsEveryRepeatAfterGrowing() {
        KeySet keys = new KeySet();
        assertTrue(keys.isEmpty());
        for (int i = 0; i < 1000; i++) {
            assertTrue(keys.add("k" + i), "k" + i);
        }
        assertFalse(keys.isEmpty());
        for (int i = 0; i < 1000; i++) {
            assertFalse(keys.add("k" + i), "k" + i);
        }
    }

    @Test
    void tellsApartKeysWithTheSameHashCode() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        KeySet keys = new KeySet();
        assertTrue(keys.add("Aa"));
        assertTrue(keys.add("BB"));
        assertFalse(keys.add("BB"));
        assertFalse(keys.add("Aa"));
        assertTrue(keys.add(""));
        assertFalse(keys.add(""));
    }
}
