package dev.proxywasm.samples.vmconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class VmPluginConfigurationTest {

    @ProxyWasmTest
    void logsBothConfigurations(HostEmulator host) {
        assertTrue(host.withVmConfiguration("{\"vm\": 1}").withPluginConfiguration("{\"plugin\": 2}").startPlugin());

        assertEquals(List.of("vm config: {\"vm\": 1}", "plugin config: {\"plugin\": 2}"), host.getInfoLogs());
    }
}
