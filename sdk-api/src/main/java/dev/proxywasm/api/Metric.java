package dev.proxywasm.api;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.runtime.HostBinding;

/**
 * A counter, gauge or histogram in Envoy's stats ({@code proxy_define_metric}). Define it once (in
 * {@code @OnPluginStart} or a field initialiser) and use it per request: updating allocates
 * nothing. Each kind has its verbs: a counter {@link #add}s, a gauge {@link #add}s and is
 * {@link #set}, a histogram {@link #record}s; a verb the kind does not have throws
 * {@link IllegalStateException}, in both test modes as in Envoy.
 */
public final class Metric {
    private final int id;
    /** Its {@code proxy_metric_type_t} code. */
    private final int type;
    private final String name;

    private Metric(int id, int type, String name) {
        this.id = id;
        this.type = type;
        this.name = name;
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

    /** A counter: only goes up ({@link #add}). */
    public static Metric counter(String name) {
        return define(AbiCodes.METRIC_COUNTER, name);
    }

    /** A gauge: goes up and down ({@link #add}), or is {@link #set}. */
    public static Metric gauge(String name) {
        return define(AbiCodes.METRIC_GAUGE, name);
    }

    /** A histogram: {@link #record}s values, and Envoy reports their distribution. */
    public static Metric histogram(String name) {
        return define(AbiCodes.METRIC_HISTOGRAM, name);
    }

    private static Metric define(int type, String name) {
        return new Metric(HostBinding.host().defineMetric(type, Utf8.encode(name)), type, name);
    }

    /** Adds {@code delta} to a counter (which only goes up: {@code delta} above 0) or a gauge (either way). */
    public void add(long delta) {
        require(type != AbiCodes.METRIC_HISTOGRAM, "add");
        HostBinding.host().incrementMetric(id, delta);
    }

    /** Sets a gauge to {@code value}. */
    public void set(long value) {
        require(type == AbiCodes.METRIC_GAUGE, "set");
        HostBinding.host().recordMetric(id, value);
    }

    /** Records one value in a histogram. */
    public void record(long value) {
        require(type == AbiCodes.METRIC_HISTOGRAM, "record");
        HostBinding.host().recordMetric(id, value);
    }

    /** The current value of a counter or gauge. */
    public long value() {
        require(type != AbiCodes.METRIC_HISTOGRAM, "value");
        return HostBinding.host().getMetric(id);
    }

    /** The name it was defined with. */
    public String name() {
        return name;
    }

    /** Throws unless {@code allowed}: the message names the metric, its kind and the verbs it has. */
    private void require(boolean allowed, String verb) {
        if (!allowed) {
            boolean counter = type == AbiCodes.METRIC_COUNTER;
            boolean gauge = type == AbiCodes.METRIC_GAUGE;
            String kind = counter ? "counter" : gauge ? "gauge" : "histogram";
            String verbs = counter ? "add to it" : gauge ? "add to it or set it"
                    : "record values (Envoy reports their distribution)";
            throw new IllegalStateException(kind + " " + name + " has no " + verb + "(): " + verbs);
        }
    }
}
