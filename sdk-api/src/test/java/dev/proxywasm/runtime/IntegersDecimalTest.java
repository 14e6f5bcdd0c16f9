package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code Integers.decimal}, which the WebAssembly build uses for every int turned into text, against the JDK. */
class IntegersDecimalTest {

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
}
