package dev.proxywasm.bench;

import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.testing.HostEmulator;
import java.nio.file.Path;
import java.util.Map;

/**
 * Drives custom-errors' compiled module through N streams of {@link MixedTraffic} twice: once with
 * every host call succeeding, once with a fraction of them failing as Envoy's do (NotFound,
 * BadArgument, SerializationFailure, InternalFailure; {@link HostEmulator#withHostCallFailures}).
 * Reports linear memory at start, after warm-up, at the half and at the end of each run. The run
 * fails if the module trapped, or if failures cost memory: the run with failures ends larger, or
 * grew more in its second half, than the run without them. (Bodies of hundreds of KB made TeaVM's
 * heap grow slowly on their own, failures or not, until the GC collected fully before growing: see
 * the README's robustness section.)
 * Arguments: the repository root, N, the failure rate (0.05 is 5 %), the largest body in bytes.
 */
public final class FailureSoak {
    private static final long TRAFFIC_SEED = 42;
    private static final long FAILURE_SEED = 7;

    private FailureSoak() {}

    /** Pages at the four points of a run, and what the run saw. */
    private record Run(int start, int warm, int half, int end, long failed, long eligible, Map<String, Long> byFunction,
            String trap, double seconds) {
        int secondHalfGrowth() {
            return end - half;
        }
    }

    public static void main(String[] args) {
        Path module = Path.of(args[0]).resolve("samples/custom-errors/target/custom-errors.wasm");
        int streams = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        int maxBody = Integer.parseInt(args[3]);
        int warmup = Math.min(10_000, streams / 10);
        System.out.printf("failure soak: custom-errors (wasm, Chicory compiler), %,d mixed streams, bodies 0 B to %,d B,"
                + " warm-up %,d streams%n", streams, maxBody, warmup);
        Run clean = run(module, streams, warmup, 0, maxBody);
        report("no failures", clean, warmup, streams);
        Run failing = run(module, streams, warmup, rate, maxBody);
        report(String.format("%.1f %% failures", rate * 100), failing, warmup, streams);
        System.out.printf("failure soak: %,d of %,d eligible host calls failed: %s%n", failing.failed(),
                failing.eligible(), failing.byFunction());
        if (clean.trap() != null || failing.trap() != null) {
            System.out.println("failure soak: FAILED: the module trapped");
            System.exit(1);
        }
        if (failing.secondHalfGrowth() > clean.secondHalfGrowth() || failing.end() > clean.end()) {
            System.out.println("failure soak: FAILED: failures cost memory: " + failing.end() + " pages at the end ("
                    + failing.secondHalfGrowth() + " grown in the second half), without failures " + clean.end()
                    + " (" + clean.secondHalfGrowth() + ")");
            System.exit(1);
        }
        System.out.println("failure soak: OK: failures cost no memory (second-half growth " + failing.secondHalfGrowth()
                + " pages with failures, " + clean.secondHalfGrowth() + " without)");
    }

    private static Run run(Path module, int streams, int warmup, double rate, int maxBody) {
        MixedTraffic traffic = new MixedTraffic(TRAFFIC_SEED, maxBody);
        try (HostEmulator host = HostEmulator.inWasm(module)) {
            host.withPluginConfiguration(Workload.CUSTOM_ERRORS_CONFIG).withLogsDiscarded();
            if (!host.startPlugin()) {
                throw new IllegalStateException("custom-errors did not start");
            }
            host.withHostCallFailures(rate, FAILURE_SEED, WasmResult.NOT_FOUND, WasmResult.BAD_ARGUMENT,
                    WasmResult.SERIALIZATION_FAILURE, WasmResult.INTERNAL_FAILURE);
            int start = host.getMemoryPages();
            int warm = start;
            int half = start;
            long began = System.nanoTime();
            for (int i = 0; i < streams && host.getTrap() == null; i++) {
                traffic.exchange(host, i);
                if (i + 1 == warmup) {
                    warm = host.getMemoryPages();
                }
                if (i + 1 == streams / 2) {
                    half = host.getMemoryPages();
                }
            }
            Map<String, Long> byFunction = host.getInjectedFailures();
            long failed = byFunction.values().stream().mapToLong(Long::longValue).sum();
            return new Run(start, warm, half, host.getMemoryPages(), failed, host.getFailureEligibleCalls(), byFunction,
                    host.getTrap() == null ? null : host.getTrap().getMessage(), (System.nanoTime() - began) / 1e9);
        }
    }

    private static void report(String name, Run run, int warmup, int streams) {
        System.out.printf("failure soak: %-14s memory pages (64 KiB): start %d, after %,d warm-up streams %d,"
                + " at %,d %d, at %,d %d (%.0f s)%s%n", name, run.start(), warmup, run.warm(), streams / 2, run.half(),
                streams, run.end(), run.seconds(), run.trap() == null ? "" : "; trapped: " + run.trap());
    }
}
