package dev.proxywasm.samples.shareddata;

import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.Metric;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.SharedData;

/**
 * The Go SDK's {@code shared_data} and {@code metrics} examples together: every request increments
 * a counter shared by all workers (compare-and-swap, retried on conflict) and a metric, and the
 * request carries the shared count in {@code x-request-count}.
 */
@ProxyWasmPlugin
public final class SharedCounter {
    static final String KEY = "shared_data_counter";
    private Metric requests;
    private Metric lastCount;

    @OnPluginStart
    void start() {
        requests = Metric.counter("shared_counter_requests_total");
        lastCount = Metric.gauge("shared_counter_last_count");
    }

    @OnRequestHeaders
    void request(Headers headers) {
        requests.add(1);
        for (int attempt = 0; attempt < 10; attempt++) {
            SharedData.Value current = SharedData.get(KEY);
            long next = current == null ? 1 : Long.parseLong(current.text()) + 1;
            if (SharedData.set(KEY, Long.toString(next), current == null ? 0 : current.cas())) {
                headers.set("x-request-count", Long.toString(next));
                lastCount.set(next);
                if (requests.value() % 1000 == 0) {
                    Log.info(requests.value() + " requests through this worker");
                }
                return;
            }
        }
        Log.warn("shared counter: too many conflicting writers, request not counted");
    }
}
