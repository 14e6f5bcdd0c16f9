package dev.proxywasm.samples.vmconfig;

import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnVmStart;
import dev.proxywasm.api.ProxyWasmPlugin;

/** The Go SDK's {@code vm_plugin_configuration}: logs the VM and the plugin configuration. */
@ProxyWasmPlugin
public final class VmPluginConfiguration {
    @OnVmStart
    void vmStart(Configuration vmConfiguration) {
        Log.info("vm config: " + vmConfiguration.text());
    }

    @OnPluginStart
    void pluginStart(Configuration pluginConfiguration) {
        Log.info("plugin config: " + pluginConfiguration.text());
    }
}
