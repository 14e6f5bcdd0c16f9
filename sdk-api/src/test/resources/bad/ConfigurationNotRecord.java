package bad;

import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class ConfigurationNotRecord {
    @PluginConfiguration
    static final class Config {}

    @OnPluginStart
    void start(Config config) {}
}
