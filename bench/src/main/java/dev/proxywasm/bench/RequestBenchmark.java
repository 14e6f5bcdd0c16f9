package dev.proxywasm.bench;

import dev.proxywasm.testing.HostEmulator;
import java.nio.file.Path;

/**
 * Per-request time of http-headers and custom-errors in the emulator, on the JVM and through the
 * compiled module in Chicory's compiler, with {@link Workload}'s traffic.
 * Arguments: the repository root, warm-up requests, measured requests.
 */
public final class RequestBenchmark {
    private RequestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        System.out.println("benchmark: " + warmup + " warm-up and " + requests + " measured requests each");
        for (String sample : new String[] {"http-headers", "custom-errors"}) {
            Path module = root.resolve("samples/" + sample + "/target/" + sample + ".wasm");
            String config = sample.equals("custom-errors") ? Workload.CUSTOM_ERRORS_CONFIG : Workload.HTTP_HEADERS_CONFIG;
            run(sample, "wasm", HostEmulator.inWasm(module), config, warmup, requests);
            Class<?> glue = Class.forName(glueName(sample));
            run(sample, "jvm", HostEmulator.onJvm(glue, null), config, warmup, requests);
        }
    }

    /** JVM heap bytes this thread allocated: plugin, SDK and emulator together. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static String glueName(String sample) {
        return sample.equals("custom-errors")
                ? "dev.proxywasm.samples.customerrors.CustomErrors_ProxyWasm"
                : "dev.proxywasm.samples.httpheaders.HttpHeaders_ProxyWasm";
    }

    private static void run(String sample, String mode, HostEmulator host, String config, int warmup, int requests) {
        try (host) {
            host.withPluginConfiguration(config).withLogsDiscarded();
            if (!host.startPlugin()) {
                throw new IllegalStateException(sample + " did not start");
            }
            for (int i = 0; i < warmup; i++) {
                Workload.request(host, i);
            }
            Stats stats = new Stats(requests);
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                Workload.request(host, i);
                stats.add(System.nanoTime() - t);
            }
            long wall = System.nanoTime() - start;
            long allocated = (allocatedBytes() - allocatedBefore) / requests;
            System.out.printf("%-14s %-5s %s  %,7d B/request on the JVM heap%n", sample, mode, stats.summary(wall),
                    allocated);
        }
    }
}
