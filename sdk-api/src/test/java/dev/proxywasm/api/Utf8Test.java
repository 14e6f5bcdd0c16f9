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
