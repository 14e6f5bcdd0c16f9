package dev.proxywasm.bench;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mixed traffic for custom-errors: GET and POST requests with bodies, and upstream answers
 * (200, 404, 500, 503) with bodies, each delivered in one to four chunks. Sizes are drawn evenly
 * from four bands (empty, up to 1 KB, up to 64 KB, up to the largest body, 1 MB by default), so
 * that small and large exchanges alternate unpredictably, as on a real listener. The same seed
 * gives the same traffic.
 */
final class MixedTraffic {
    static final int MAX_BODY = 1 << 20;
    private static final byte[] FILLER = filler();
    private static final int[] STATUSES = {200, 200, 404, 500, 503};

    private final SplittableRandom random;
    private final int maxBody;

    MixedTraffic(long seed, int maxBody) {
        random = new SplittableRandom(seed);
        this.maxBody = maxBody;
    }

    private static byte[] filler() {
        byte[] bytes = new byte[MAX_BODY];
        byte[] text = "upstream connect error or disconnect/reset before headers; reset reason: overflow. "
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = text[i % text.length];
        }
        return bytes;
    }

    /** 0, up to 1 KB, up to 64 KB or up to the largest body, each band a quarter of the time. */
    private int bodySize() {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(1024);
            case 2 -> 1 + random.nextInt(64 * 1024);
            default -> 1 + random.nextInt(maxBody);
        };
    }

    /** One complete exchange through {@code host}. */
    void exchange(HostEmulator host, long n) {
        int requestBody = bodySize();
        int status = STATUSES[random.nextInt(STATUSES.length)];
        int responseBody = bodySize();
        int id = host.initializeHttpContext();
        List<Header> request = new ArrayList<>(List.of(new Header(":scheme", "https"),
                new Header(":authority", "api.example.com"), new Header(":path", "/orders/" + n + "?expand=items"),
                new Header(":method", requestBody == 0 ? "GET" : "POST"), new Header("user-agent", "bench/1.0")));
        if (n % 3 == 0) {
            request.add(new Header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        } else if (n % 3 == 1) {
            request.add(new Header("x-request-id", "req-" + n));
        }
        if (requestBody > 0) {
            request.add(new Header("content-length", Integer.toString(requestBody)));
        }
        host.callOnRequestHeaders(id, request, requestBody == 0);
        deliver(requestBody, (chunk, end) -> host.callOnRequestBody(id, chunk, end));
        List<Header> response = new ArrayList<>(List.of(new Header(":status", Integer.toString(status)),
                new Header("content-type", "text/plain")));
        response.add(new Header("content-length", Integer.toString(responseBody)));
        host.callOnResponseHeaders(id, response, responseBody == 0);
        deliver(responseBody, (chunk, end) -> host.callOnResponseBody(id, chunk, end));
        host.completeHttpContext(id);
    }

    private interface Sink {
        void accept(byte[] chunk, boolean endOfStream);
    }

    /** {@code size} bytes in one to four chunks. */
    private void deliver(int size, Sink sink) {
        if (size == 0) {
            return;
        }
        int chunks = Math.min(size, 1 + random.nextInt(4));
        int offset = 0;
        for (int i = 0; i < chunks; i++) {
            int end = i == chunks - 1 ? size : offset + (size - offset) / (chunks - i);
            // Beyond the filler's 1 MB the copy is zero-padded.
            sink.accept(Arrays.copyOfRange(FILLER, offset, end), i == chunks - 1);
            offset = end;
        }
    }
}
