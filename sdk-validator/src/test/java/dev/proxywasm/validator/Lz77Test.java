package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Lz77Test {

    private static byte[] roundTrip(byte[] data) {
        byte[] stream = Lz77.compress(data);
        assertArrayEquals(data, Lz77.decompress(stream, data.length));
        return stream;
    }

    @Test
    void textAsTeaVmLaysItOutShrinksToLessThanHalf() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("proxy_on_request_headers ").append(i).append(" x-custom-error-").append(i % 7).append('\n');
        }
        byte[] utf16 = text.toString().getBytes(StandardCharsets.UTF_16LE);

        byte[] stream = roundTrip(utf16);

        assertTrue(stream.length < utf16.length / 2, stream.length + " of " + utf16.length);
    }

    @Test
    void runsLongerThanOneContinuationByteAndRandomBytesComeBackExactly() {
        Random random = new Random(7);
        byte[] data = new byte[70_000];
        for (int i = 20_000; i < 21_000; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        for (int i = 40_000; i < 40_700; i++) {
            data[i] = 'a';
        }
        System.arraycopy(data, 20_000, data, 60_000, 1_000); // an earlier block, too far back for nothing
        roundTrip(data);
        roundTrip(new byte[0]);
        roundTrip(new byte[] {9});
        byte[] noise = new byte[5_000];
        random.nextBytes(noise);
        roundTrip(noise);
    }

    @Test
    void zerosThenNoiseExpandInPlaceWithoutOverwritingUnreadStream() {
        Random random = new Random(11);
        byte[] data = new byte[30_000];
        for (int i = 25_000; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        byte[] stream = roundTrip(data);

        assertTrue(Lz77.inPlaceDistance(stream, data.length) > data.length - stream.length);
    }
}
