package dev.proxywasm.samples.httpheaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two plugins on the JVM at once, on two threads, their callbacks interleaved: each counts only
 * its own streams, because each emulator loads the plugin and the SDK runtime for itself.
 */
class ConcurrentEmulatorsTest {
    @Test
    void twoEmulatorsOnTwoThreadsCountTheirOwnStreams() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = threads.submit(() -> counters(together, 3));
            Future<List<String>> second = threads.submit(() -> counters(together, 5));

            assertEquals(List.of("1", "2", "3"), first.get());
            assertEquals(List.of("1", "2", "3", "4", "5"), second.get());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The counter header of {@code streams} streams, the first three in step with the other thread. */
    private List<String> counters(CyclicBarrier together, int streams) throws Exception {
        List<String> counters = new ArrayList<>();
        try (HostEmulator host = HostEmulator.create(Mode.JVM, getClass().getClassLoader())) {
            assertTrue(host.startPlugin());
            for (int i = 0; i < streams; i++) {
                if (i < 3) {
                    together.await();
                }
                int id = host.initializeHttpContext();
                host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);
                counters.add(host.getCurrentResponseHeaders(id).stream()
                        .filter(h -> h.name().equals("x-proxy-wasm-counter")).map(Header::value).findFirst().orElse(null));
                host.completeHttpContext(id);
            }
        }
        return counters;
    }
}
