package dev.proxywasm.bench;

import dev.proxywasm.testing.HostEmulator;
import java.nio.file.Path;

/**
 * Reconfigures custom-errors' compiled module N times with {@link FuzzedConfigurations}, each as
 * Envoy applies a configuration update that keeps the VM: a root context with a new id is created,
 * started and configured, and the one it replaces is finished and deleted (a refused configuration
 * deletes the new one instead). A request passes through the plugin after every hundredth
 * reconfiguration. Reports linear memory at start, after warm-up (a tenth of the run), at each
 * fifth and the growth in each half; fails if the module trapped, or if memory grew in the second
 * half by more than {@code maxGrowth} pages.
 * Arguments: the repository root, N, maxGrowth.
 */
public final class ReconfigurationSoak {
    private static final long SEED = 3;

    private ReconfigurationSoak() {}

    public static void main(String[] args) {
        Path module = Path.of(args[0]).resolve("samples/custom-errors/target/custom-errors.wasm");
        int reconfigurations = Integer.parseInt(args[1]);
        int maxGrowth = Integer.parseInt(args[2]);
        FuzzedConfigurations configurations = new FuzzedConfigurations(SEED);
        try (HostEmulator host = HostEmulator.inWasm(module)) {
            host.withLogsDiscarded();
            int start = host.getMemoryPages();
            int warm = start;
            int half = start;
            int refused = 0;
            long began = System.nanoTime();
            for (int i = 0; i < reconfigurations && host.getTrap() == null; i++) {
                if (!host.withPluginConfiguration(configurations.next()).reconfigurePlugin()) {
                    refused++;
                }
                if (i % 100 == 99) {
                    host.withPluginConfiguration(Workload.CUSTOM_ERRORS_CONFIG).reconfigurePlugin();
                    Workload.request(host, i);
                }
                if (i + 1 == reconfigurations / 10) {
                    warm = host.getMemoryPages();
                }
                if (i + 1 == reconfigurations / 2) {
                    half = host.getMemoryPages();
                }
                if ((i + 1) % (reconfigurations / 5) == 0) {
                    System.out.printf("reconfiguration soak: %,d reconfigurations, %d pages%n", i + 1,
                            host.getMemoryPages());
                }
            }
            int end = host.getMemoryPages();
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("reconfiguration soak: custom-errors (wasm, Chicory compiler), %,d fuzzed configurations"
                    + " (%,d refused), %.0f s, last root context id %,d: memory pages (64 KiB) start %d, after %,d %d,"
                    + " at %,d %d, end %d; first half +%d, second half +%d%n",
                    reconfigurations, refused, seconds, host.getRootContextId(), start, reconfigurations / 10, warm,
                    reconfigurations / 2, half, end, half - start, end - half);
            if (host.getTrap() != null) {
                System.out.println("reconfiguration soak: FAILED: the module trapped: " + host.getTrap().getMessage());
                System.exit(1);
            }
            if (end - half > maxGrowth) {
                System.out.println("reconfiguration soak: FAILED: memory grew by " + (end - half)
                        + " pages in the second half (allowed " + maxGrowth + ")");
                System.exit(1);
            }
            System.out.println("reconfiguration soak: OK: second-half growth " + (end - half) + " pages (allowed "
                    + maxGrowth + ")");
        }
    }
}
