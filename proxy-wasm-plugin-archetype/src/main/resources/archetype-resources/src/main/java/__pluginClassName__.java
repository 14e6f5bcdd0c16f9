package ${package};

import dev.proxywasm.api.DefaultValue;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.NonEmpty;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.ProxyWasmPlugin;

/** Adds a response header, named and valued by the configuration. */
@ProxyWasmPlugin
public final class ${pluginClassName} {
    /**
     * The plugin's configuration: the {@code pluginConfig} of its WasmPlugin. The SDK generates its
     * parser, and the build writes its JSON Schema to {@code target/${artifactId}.schema.json}.
     *
     * @param header the response header to add
     * @param value the header's value
     */
    @PluginConfiguration
    public record Config(
            @DefaultValue("x-hello") @NonEmpty String header,
            @DefaultValue("world") String value) {}

    private Config config;

    @OnPluginStart
    void start(Config config) {
        this.config = config;
        Log.info("${pluginName}: adding " + config.header() + ": " + config.value());
    }

    @OnResponseHeaders
    void responseHeaders(Headers headers) {
        headers.add(config.header(), config.value());
    }
}
