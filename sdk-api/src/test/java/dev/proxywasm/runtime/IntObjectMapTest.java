package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The runtime's int-keyed map against {@code HashMap}, through growth and backward-shift removal. */
class IntObjectMapTest {

    @Test
    void agreesWithHashMapOverRandomOperations() {
        Random random = new Random(13);
        IntObjectMap<String> map = new IntObjectMap<>();
        Map<Integer, String> expected = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            // Few distinct keys, so that chains collide, grow and shrink again.
            int key = 1 + random.nextInt(300);
            switch (random.nextInt(3)) {
                case 0 -> {
                    map.put(key, "v" + step);
                    expected.put(key, "v" + step);
                }
                case 1 -> assertEquals(expected.remove(key), map.remove(key));
                default -> assertEquals(expected.get(key), map.get(key));
            }
            assertEquals(expected.size(), map.size());
        }
        int[] keys = map.keys();
        Arrays.sort(keys);
        assertEquals(expected.keySet().stream().sorted().mapToInt(Integer::intValue).boxed().toList(),
                Arrays.stream(keys).boxed().toList());
        for (int key : keys) {
            assertEquals(expected.get(key), map.get(key));
        }
    }

    @Test
    void absentKeysReadAsNull() {
        IntObjectMap<String> map = new IntObjectMap<>();
        assertNull(map.get(7));
        assertNull(map.remove(7));
        map.put(7, "seven");
        map.clear();
        assertNull(map.get(7));
        assertEquals(0, map.size());
    }
}
