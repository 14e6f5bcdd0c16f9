package dev.proxywasm.abi;

/** Kinds of metric {@code proxy_define_metric} creates. */
public enum MetricType {
    COUNTER(0),
    GAUGE(1),
    HISTOGRAM(2);

    private final int code;

    MetricType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
