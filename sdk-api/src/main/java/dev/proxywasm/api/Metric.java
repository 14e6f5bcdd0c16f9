package dev.proxywasm.api;

import dev.proxywasm.abi.MetricType;
import dev.proxywasm.runtime.HostBinding;

/**
 * A counter, gauge or histogram in Envoy's stats. Define it once (in {@code @OnPluginStart} or a
 * field initialiser) and use it per request: updating allocates nothing.
 */
public final class Metric {
    private final int id;
    private final MetricType type;

    private Metric(int id, MetricType type) {
        this.id = id;
        this.type = type;
    }

    /**
     * A metric name carrying tags the way Envoy extracts them: {@code base} then {@code _key=value}
     * for each pair, e.g. {@code requests_total_method=GET}. Envoy turns each into a tag when its
     * {@code stats_config.stats_tags} has a matching regex, e.g.
     * {@code {tag_name: method, regex: "(_method=([A-Z]+))"}}; without one the name stays as is.
     */
    public static String taggedName(String base, String... keysAndValues) {
        StringBuilder name = new StringBuilder(base);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            name.append('_').append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
        }
        return name.toString();
    }

    /** A counter: only goes up. */
    public static Metric counter(String name) {
        return define(MetricType.COUNTER, name);
    }

    /** A gauge: goes up and down, or is set. */
    public static Metric gauge(String name) {
        return define(MetricType.GAUGE, name);
    }

    /** A histogram: records values. */
    public static Metric histogram(String name) {
        return define(MetricType.HISTOGRAM, name);
    }

    private static Metric define(MetricType type, String name) {
        return new Metric(HostBinding.host().defineMetric(type.code(), Utf8.encode(name)), type);
    }

    /** Adds {@code delta} (counters and gauges). */
    public void increment(long delta) {
        HostBinding.host().incrementMetric(id, delta);
    }

    /** Sets a gauge, or records a histogram value. */
    public void record(long value) {
        HostBinding.host().recordMetric(id, value);
    }

    /** The current value (counters and gauges). */
    public long value() {
        return HostBinding.host().getMetric(id);
    }

    public MetricType type() {
        return type;
    }
}
