package dev.proxywasm.emulator;

import static dev.proxywasm.emulator.HostCalls.fail;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.MetricType;
import dev.proxywasm.abi.WasmResult;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plugin's metrics as Envoy's stats store keeps them: defined once by name (defining again
 * returns the same id), counters and gauges added to, histograms only recorded.
 */
public final class Metrics {
    private final IdCounter ids;
    private final Map<String, Integer> idsByName = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, MetricType> types = new HashMap<>();
    private final Map<Integer, Long> values = new HashMap<>();

    Metrics(IdCounter ids) {
        this.ids = ids;
    }

    /** {@code proxy_define_metric}: the id of the metric named {@code name}, defined now if new. */
    int define(int typeCode, String name) {
        MetricType type = WireCodes.metricType(typeCode);
        if (type == null) {
            throw fail(HostFunction.PROXY_DEFINE_METRIC, WasmResult.BAD_ARGUMENT);
        }
        Integer existing = idsByName.get(name);
        if (existing != null) {
            return existing;
        }
        int id = ids.next();
        idsByName.put(name, id);
        names.put(id, name);
        types.put(id, type);
        values.put(id, 0L);
        return id;
    }

    /** {@code proxy_increment_metric}; a histogram cannot be incremented. */
    void increment(int id, long offset) {
        require(id, HostFunction.PROXY_INCREMENT_METRIC);
        if (types.get(id) == MetricType.HISTOGRAM) {
            throw fail(HostFunction.PROXY_INCREMENT_METRIC, WasmResult.BAD_ARGUMENT);
        }
        values.merge(id, offset, Long::sum);
    }

    /** {@code proxy_record_metric}. */
    void record(int id, long value) {
        require(id, HostFunction.PROXY_RECORD_METRIC);
        values.put(id, value);
    }

    /** {@code proxy_get_metric}. */
    long get(int id) {
        require(id, HostFunction.PROXY_GET_METRIC);
        return values.get(id);
    }

    private void require(int id, HostFunction function) {
        if (!values.containsKey(id)) {
            throw fail(function, WasmResult.NOT_FOUND);
        }
    }

    /** Every metric the plugin defined, by name, with its value now. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        idsByName.forEach((name, id) -> snapshot.put(name, values.get(id)));
        return snapshot;
    }

    /** The value of the metric named {@code name}; throws if the plugin did not define it. */
    public long value(String name) {
        Integer id = idsByName.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no metric named " + name + "; defined: " + idsByName.keySet());
        }
        return values.get(id);
    }
}
