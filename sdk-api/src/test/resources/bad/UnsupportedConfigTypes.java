package bad;

import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ProxyWasmPlugin
public class UnsupportedConfigTypes {
    @PluginConfiguration
    record Config(
            double ratio,
            Optional<String> name,
            Map<Integer, String> byCode,
            List<Object> anything) {}

    @OnPluginStart
    void start(Config config) {}
}
