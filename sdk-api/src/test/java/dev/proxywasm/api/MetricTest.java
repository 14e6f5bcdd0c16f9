package dev.proxywasm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostBinding;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of metric has its verbs; the others fail before reaching the host. */
class MetricTest {
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void bind() {
        HostBinding.bind((Host) Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {Host.class},
                (proxy, method, args) -> {
                    boolean withValue = args != null && args.length == 2 && !method.getName().equals("defineMetric");
                    calls.add(method.getName() + (withValue ? " " + args[1] : ""));
                    if (method.getName().equals("defineMetric")) {
                        return 3;
                    }
                    return method.getName().equals("getMetric") ? (Object) 7L : null;
                }));
    }

    @AfterEach
    void unbind() {
        HostBinding.bind(null);
    }

    @Test
    void eachKindReachesTheHostWithItsVerbs() {
        Metric.counter("requests").add(2);
        Metric gauge = Metric.gauge("in_flight");
        gauge.add(-1);
        gauge.set(5);
        assertEquals(7, gauge.value());
        Metric.histogram("sizes").record(42);

        assertEquals(List.of("defineMetric", "incrementMetric 2", "defineMetric", "incrementMetric -1",
                "recordMetric 5", "getMetric", "defineMetric", "recordMetric 42"), calls);
    }

    @Test
    void aVerbTheKindLacksSaysWhichItHas() {
        Metric counter = Metric.counter("requests");
        Metric gauge = Metric.gauge("in_flight");
        Metric histogram = Metric.histogram("sizes");
        calls.clear();

        assertEquals("counter requests has no set(): add to it",
                assertThrows(IllegalStateException.class, () -> counter.set(1)).getMessage());
        assertEquals("counter requests has no record(): add to it",
                assertThrows(IllegalStateException.class, () -> counter.record(1)).getMessage());
        assertEquals("gauge in_flight has no record(): add to it or set it",
                assertThrows(IllegalStateException.class, () -> gauge.record(1)).getMessage());
        assertEquals("histogram sizes has no add(): record values (Envoy reports their distribution)",
                assertThrows(IllegalStateException.class, () -> histogram.add(1)).getMessage());
        assertThrows(IllegalStateException.class, () -> histogram.set(1));
        assertThrows(IllegalStateException.class, histogram::value);
        assertEquals(List.of(), calls, "nothing reached the host");
    }
}
