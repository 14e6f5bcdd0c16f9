package dev.proxywasm.bench;

import dev.proxywasm.testing.HostEmulator;
import java.nio.file.Path;

/**
 * Drives custom-errors' compiled module through N requests (half rewritten 503s with 1 KB bodies,
 * half passed-through 200s) and reports speed and linear memory at start, after warm-up and at
 * the end; the run fails if memory grew after warm-up. Arguments: the repository root, N.
 */
public final class Soak {
    private Soak() {}

    public static void main(String[] args) {
        Path module = Path.of(args[0]).resolve("samples/custom-errors/target/custom-errors.wasm");
        int requests = Integer.parseInt(args[1]);
        int warmup = Math.min(50_000, requests / 10);
        try (HostEmulator host = HostEmulator.inWasm(module)) {
            host.withPluginConfiguration(Workload.CUSTOM_ERRORS_CONFIG).withLogsDiscarded();
            if (!host.startPlugin()) {
                throw new IllegalStateException("custom-errors did not start");
            }
            int startPages = host.getMemoryPages();
            for (int i = 0; i < warmup; i++) {
                Workload.request(host, i);
            }
            int warmPages = host.getMemoryPages();
            Stats stats = new Stats(requests - warmup);
            long start = System.nanoTime();
            for (int i = warmup; i < requests; i++) {
                long t = System.nanoTime();
                Workload.request(host, i);
                stats.add(System.nanoTime() - t);
                if ((i + 1) % 200_000 == 0) {
                    System.out.printf("soak: %,d requests, %d pages%n", i + 1, host.getMemoryPages());
                }
            }
            int endPages = host.getMemoryPages();
            System.out.println("soak: custom-errors (wasm, Chicory compiler) " + stats.summary(System.nanoTime() - start));
            System.out.printf("soak: memory pages (64 KiB): start %d, after %,d warm-up requests %d, end %d%n",
                    startPages, warmup, warmPages, endPages);
            System.out.println("soak: GC counts: not reported (TeaVM's runtime exposes none); log lines "
                    + host.getLogCount() + ", trap " + (host.getTrap() == null ? "none" : host.getTrap().getMessage()));
            if (endPages != warmPages || host.getTrap() != null) {
                System.out.println("soak: FAILED: memory grew after warm-up or the module trapped");
                System.exit(1);
            }
            System.out.println("soak: OK: memory flat after warm-up");
        }
    }
}
