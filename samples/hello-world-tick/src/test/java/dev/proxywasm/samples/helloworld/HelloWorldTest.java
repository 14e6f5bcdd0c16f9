package dev.proxywasm.samples.helloworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class HelloWorldTest {

    @ProxyWasmTest
    void saysHelloAndLogsTheTimeOnEveryTick(HostEmulator host) {
        assertTrue(host.withCurrentTimeNanos(1_700_000_000_000_000_000L).startPlugin());

        assertEquals(1000, host.getTickPeriodMilliseconds());
        host.tick();
        host.tick();

        assertEquals(List.of("hello, world! ticking every 1000 ms",
                "it's 1700000000000000000 ns since the epoch",
                "it's 1700000000000000000 ns since the epoch"), host.getInfoLogs());
    }
}
