package dev.proxywasm.samples.metrics;

import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Metric;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.HashMap;
import java.util.Map;

/**
 * The Go SDK's {@code metrics} example: counts requests per value of {@code my-custom-header} in a
 * counter tagged {@code custom_header_value}; each metric is defined once, then only added to.
 */
@ProxyWasmPlugin
public final class RequestMetrics {
    static final String BASE = "proxy_wasm_java.request_counter";
    private final Map<String, Metric> counters = new HashMap<>();

    @OnRequestHeaders
    void count(Headers headers) {
        String value = headers.get("my-custom-header");
        String tag = value == null || value.isEmpty() ? "none" : value;
        counters.computeIfAbsent(tag, t -> Metric.counter(Metric.taggedName(BASE, "custom_header_value", t)))
                .add(1);
    }
}
