package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Integers#parseInt} answers as {@code Integer.valueOf} does for ASCII text, null where it throws. */
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

    private static Integer valueOf(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
