package bad;

import dev.proxywasm.api.AcceptEntryList;
import dev.proxywasm.api.AcceptNumericString;
import dev.proxywasm.api.AcceptSingleValue;
import dev.proxywasm.api.AllowedValues;
import dev.proxywasm.api.ConfigKey;
import dev.proxywasm.api.NonEmpty;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.Range;
import java.util.List;

@ProxyWasmPlugin
public class MisplacedConfigConstraints {
    @PluginConfiguration
    record Config(
            @Range(min = 1, max = 10) String name,
            @AllowedValues({"a"}) Integer count,
            @NonEmpty Boolean flag,
            @Range(min = 10, max = 1) Long size,
            @ConfigKey("name") String alias,
            @AcceptSingleValue String single,
            @AcceptEntryList List<String> entries,
            @AcceptNumericString List<String> numbers) {}

    @OnPluginStart
    void start(Config config) {}
}
