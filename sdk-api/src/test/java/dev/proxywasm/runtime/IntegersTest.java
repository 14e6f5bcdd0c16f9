package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Integers#parseInt} answers as {@code Integer.valueOf} does for ASCII text, null where it
 * throws; {@link Integers#decimal}, which the WebAssembly build uses for every int turned into text,
 * writes what {@code Integer.toString} writes.
 */
class IntegersTest {
    @Test
    void parsesAsIntegerValueOfDoes() {
        String[] texts = {"200", "0", "+0", "-0", "007", "-42", "+503", "2147483647", "2147483648", "-2147483648",
            "-2147483649", "4294967296", "99999999999999999999", "", "+", "-", "--1", "+-1", "12a", " 1", "1 ",
            "1.0", "0x10", "abc"};
        for (String text : texts) {
            assertEquals(valueOf(text), Integers.parseInt(text), text);
        }
    }

    @Test
    void everyEdgeAndPowerOfTenAsTheJdkWritesIt() {
        int[] edges = {0, 1, -1, 9, 10, -9, -10, 99, 100, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1};
        for (int value : edges) {
            assertEquals(Integer.toString(value), Integers.decimal(value));
        }
        for (long p = 1; p <= Integer.MAX_VALUE; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, -p + 1, -p, -p - 1}) {
                assertEquals(Integer.toString((int) v), Integers.decimal((int) v));
            }
        }
    }

    @Test
    void aMillionRandomValues() {
        Random random = new Random(17);
        for (int i = 0; i < 1_000_000; i++) {
            int value = random.nextInt();
            assertEquals(Integer.toString(value), Integers.decimal(value));
        }
    }

    private static Integer valueOf(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
