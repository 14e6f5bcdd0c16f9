package dev.proxywasm.samples.foreigntick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.LogLevel;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.Arrays;
import java.util.List;

class ForeignCallOnTickTest {

    @ProxyWasmTest
    void callsTheHostFunctionOnEveryTick(HostEmulator host) {
        host.withForeignFunction("compress", input -> Arrays.copyOf(input, input.length / 2));
        assertTrue(host.startPlugin());

        host.tick();
        host.tick();

        assertEquals(List.of("tick 1: compressed to 12 bytes", "tick 2: compressed to 12 bytes"), host.getDebugLogs());
    }

    @ProxyWasmTest
    void skipsTheMessageWhenDebugIsOff(HostEmulator host) {
        host.withForeignFunction("compress", input -> input).withLogLevel(LogLevel.INFO);
        assertTrue(host.startPlugin());

        host.tick();

        assertEquals(List.of(), host.getDebugLogs());
    }

    @ProxyWasmTest
    void warnsWithoutTheHostFunction(HostEmulator host) {
        assertTrue(host.startPlugin());

        host.tick();

        assertEquals(List.of("the host has no compress function"), host.getWarnLogs());
    }

    @ProxyWasmTest
    void answersTheHostsCalls(HostEmulator host) {
        assertTrue(host.startPlugin());

        host.callOnForeignFunction(3, "ping".getBytes());

        assertEquals(List.of("host called foreign function 3 with ping"), host.getInfoLogs());
    }
}
