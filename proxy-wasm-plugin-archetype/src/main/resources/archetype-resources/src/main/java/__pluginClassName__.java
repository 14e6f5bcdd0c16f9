package ${package};

import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.json.Json;
import dev.proxywasm.api.json.JsonException;
import java.util.Map;

/**
 * Adds a response header. Configuration: {@code {"header": "x-hello", "value": "world"}}; both
 * fields are optional.
 */
@ProxyWasmPlugin
public final class ${pluginClassName} {
    private String header = "x-hello";
    private String value = "world";

    @OnPluginStart
    boolean start(Configuration configuration) {
        if (configuration.isEmpty()) {
            return true;
        }
        try {
            Map<String, Object> json = Json.parseObject(configuration.text());
            if (json.get("header") instanceof String h) {
                header = h;
            }
            if (json.get("value") instanceof String v) {
                value = v;
            }
        } catch (JsonException e) {
            Log.critical("${pluginName}: the configuration is not valid JSON: " + e.getMessage());
            return false;
        }
        Log.info("${pluginName}: adding " + header + ": " + value);
        return true;
    }

    @OnResponseHeaders
    void responseHeaders(Headers headers) {
        headers.add(header, value);
    }
}
