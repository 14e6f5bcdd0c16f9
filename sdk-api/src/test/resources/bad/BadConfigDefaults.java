package bad;

import dev.proxywasm.api.AllowedValues;
import dev.proxywasm.api.DefaultValue;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.Range;
import dev.proxywasm.api.Required;
import java.util.List;

@ProxyWasmPlugin
public class BadConfigDefaults {
    enum Level { LOW, HIGH }

    @PluginConfiguration
    record Config(
            @DefaultValue("eighty") int port,
            @DefaultValue("700") @Range(min = 100, max = 599) int status,
            @DefaultValue("MEDIUM") Level level,
            @DefaultValue("yes") boolean enabled,
            @DefaultValue("PUT") @AllowedValues({"GET", "POST"}) String method,
            @DefaultValue("[]") List<String> tags,
            @Required @DefaultValue("x") String name,
            int retries) {}

    @OnPluginStart
    void start(Config config) {}
}
