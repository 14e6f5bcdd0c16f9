package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.abi.LogLevel;
import dev.proxywasm.abi.MetricType;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.HostCallException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shared data, queues, metrics and logs: the host's state outside streams. */
class SharedStateTest {
    private final IdCounter ids = new IdCounter();

    @Test
    void sharedDataWritesCheckTheCasVersion() {
        SharedData data = new SharedData();
        assertTrue(data.set("k", new byte[] {1}, 0));
        assertEquals(1, data.get("k").cas());

        assertFalse(data.set("k", new byte[] {2}, 7), "a stale CAS is a mismatch");
        assertTrue(data.set("k", new byte[] {3}, 1));
        assertArrayEquals(new byte[] {3}, data.value("k"));
        assertNull(data.value("other"));
    }

    @Test
    void queuesAreNamedWithinTheirVmAndFirstInFirstOut() {
        SharedQueues queues = new SharedQueues(ids);
        int id = queues.register("vm", "q");
        assertEquals(id, queues.register("vm", "q"));
        assertEquals(-1, queues.id("other-vm", "q"));

        queues.enqueue(id, new byte[] {1});
        queues.enqueue(id, new byte[] {2});
        assertArrayEquals(new byte[] {1}, queues.dequeue(id));
        assertEquals(1, queues.contents(id).size());
        HostCallException e = assertThrows(HostCallException.class, () -> queues.dequeue(id + 100));
        assertEquals(WasmResult.NOT_FOUND, e.result());
    }

    @Test
    void metricsAreDefinedOnceAndHistogramsOnlyRecorded() {
        Metrics metrics = new Metrics(ids);
        int counter = metrics.define(MetricType.COUNTER.code(), "requests");
        assertEquals(counter, metrics.define(MetricType.COUNTER.code(), "requests"));
        metrics.increment(counter, 2);
        int histogram = metrics.define(MetricType.HISTOGRAM.code(), "latency");

        assertThrows(HostCallException.class, () -> metrics.increment(histogram, 1));
        metrics.record(histogram, 40);
        assertEquals(Map.of("latency", 40L, "requests", 2L), metrics.snapshot());
        assertThrows(HostCallException.class, () -> metrics.define(9, "bad"));
    }

    @Test
    void logsMayBeCountedWithoutBeingKept() {
        Logs logs = new Logs();
        logs.log(LogLevel.WARN, "kept");
        logs.discard();
        logs.log(LogLevel.WARN, "counted");

        assertEquals(2, logs.count());
        assertEquals(List.of("warn: kept"), logs.take());
        assertEquals(List.of(), logs.all());
    }
}
