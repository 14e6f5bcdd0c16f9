package dev.proxywasm.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8 must agree with the JDK's charset, which is what the JVM mode of a plugin sees. */
class Utf8Test {
    private final Random random = new Random(7);

    @Test
    void decodesAnyBytesAsTheJdkDoes() {
        for (int n = 0; n < 50_000; n++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Bias towards the interesting range: lead and continuation bytes.
                bytes[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            assertEquals(new String(bytes, StandardCharsets.UTF_8), Utf8.decode(bytes), () -> hex(bytes));
        }
    }

    /** Every sequence of up to four bytes drawn from the edges of each UTF-8 byte range. */
    @Test
    void decodesEveryShortSequenceOfBoundaryBytesAsTheJdkDoes() {
        int[] edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
            0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};
        for (int length = 1; length <= 4; length++) {
            int combinations = (int) Math.pow(edges.length, length);
            for (int n = 0; n < combinations; n++) {
                byte[] bytes = new byte[length];
                for (int i = 0, rest = n; i < length; i++, rest /= edges.length) {
                    bytes[i] = (byte) edges[rest % edges.length];
                }
                assertEquals(new String(bytes, StandardCharsets.UTF_8), Utf8.decode(bytes), () -> hex(bytes));
            }
        }
    }

    @Test
    void encodesAnyStringAsTheJdkDoes() {
        for (int n = 0; n < 50_000; n++) {
            char[] chars = new char[random.nextInt(8)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(4) == 0 ? (char) (0xD800 + random.nextInt(0x800)) : (char) random.nextInt(0x10000);
            }
            String s = new String(chars);
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s), s::toString);
        }
    }

    @Test
    void decodesARangeOfAnArray() {
        byte[] bytes = "xxhéllo😀yy".getBytes(StandardCharsets.UTF_8);

        assertEquals("héllo😀", Utf8.decode(bytes, 2, bytes.length - 4));
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x ", b));
        }
        return sb.toString();
    }
}
