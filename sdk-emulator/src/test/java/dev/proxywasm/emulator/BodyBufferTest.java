package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Envoy's proxy_set_buffer_bytes and proxy_get_buffer_bytes rules. */
class BodyBufferTest {
    private final BodyBuffer buffer = new BodyBuffer();

    BodyBufferTest() {
        buffer.append(bytes("hello world"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writingAtZeroWithSizeZeroPrepends() {
        assertTrue(buffer.write(0, 0, bytes(">> ")));
        assertArrayEquals(bytes(">> hello world"), buffer.bytes());
    }

    @Test
    void writingAtZeroDrainsSizeBytesFirst() {
        assertTrue(buffer.write(0, 5, bytes("HELLO")));
        assertArrayEquals(bytes("HELLO world"), buffer.bytes());
    }

    @Test
    void writingAtZeroWithAHugeSizeReplacesEverything() {
        assertTrue(buffer.write(0, Integer.MAX_VALUE, bytes("bye")));
        assertArrayEquals(bytes("bye"), buffer.bytes());
    }

    @Test
    void writingAtOrPastTheEndAppends() {
        assertTrue(buffer.write(Integer.MAX_VALUE, 0, bytes("!")));
        assertArrayEquals(bytes("hello world!"), buffer.bytes());
    }

    @Test
    void writingInTheMiddleIsRefused() {
        assertFalse(buffer.write(3, 2, bytes("x")));
        assertArrayEquals(bytes("hello world"), buffer.bytes());
    }

    @Test
    void readsAreClampedToTheBuffer() {
        assertArrayEquals(bytes("world"), buffer.read(6, 100));
        assertArrayEquals(new byte[0], buffer.read(50, 5));
    }
}
