package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostBinding;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each JVM-mode emulator has the plugin's and the SDK runtime's static state to itself. */
class JvmGuestTest {
    @Test
    void thePluginAndTheRuntimeAreLoadedAgainButTheHostInterfaceIsShared() throws Exception {
        try (PluginClassLoader loader = new PluginClassLoader(getClass().getClassLoader(), CountingGlue.class)) {
            assertNotSame(CountingGlue.class, loader.loadClass(CountingGlue.class.getName()));
            assertNotSame(HostBinding.class, loader.loadClass(HostBinding.class.getName()));
            assertSame(Host.class, loader.loadClass(Host.class.getName()));
            assertSame(List.class, loader.loadClass(List.class.getName()));
        }
    }

    @Test
    void twoEmulatorsOnTwoThreadsKeepTheirOwnState() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = threads.submit(() -> run(together, 3));
            Future<List<String>> second = threads.submit(() -> run(together, 5));

            assertEquals(List.of("request 1", "request 2", "request 3"), first.get());
            assertEquals(List.of("request 1", "request 2", "request 3", "request 4", "request 5"), second.get());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sends {@code requests} requests, the first three in step with the other thread's. */
    private static List<String> run(CyclicBarrier together, int requests) throws Exception {
        try (Emulator emulator = Emulator.onJvm(CountingGlue.class, null)) {
            for (int i = 0; i < requests; i++) {
                if (i < 3) {
                    together.await();
                }
                int id = emulator.http().open();
                emulator.http().requestHeaders(id, List.of(), true);
            }
            return emulator.logs().all().stream().map(line -> line.substring("info: ".length())).toList();
        }
    }
}
