package dev.proxywasm.abi;

/** Kinds of metric {@code proxy_define_metric} creates. */
public enum MetricType {
    COUNTER(AbiCodes.METRIC_COUNTER),
    GAUGE(AbiCodes.METRIC_GAUGE),
    HISTOGRAM(AbiCodes.METRIC_HISTOGRAM);

    private final int code;

    MetricType(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }
}
