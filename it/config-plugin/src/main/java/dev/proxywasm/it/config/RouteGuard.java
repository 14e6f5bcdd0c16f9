package dev.proxywasm.it.config;

import dev.proxywasm.api.Headers;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.Map;

/**
 * A plugin whose configuration is a {@link RouteGuardConfig} record: the generated parser reads
 * it before {@code start}, which only keeps it. Each request gets the configuration as the plugin
 * sees it in {@code x-configuration}, so tests can check what a configuration was read as.
 */
@ProxyWasmPlugin
public final class RouteGuard {
    private RouteGuardConfig config;

    @OnPluginStart
    void start(RouteGuardConfig config) {
        this.config = config;
    }

    @OnRequestHeaders
    void request(Headers headers) {
        headers.set("x-configuration", describe(config));
    }

    /** The configuration as one line; records' own {@code toString} is not for module code. */
    static String describe(RouteGuardConfig config) {
        StringBuilder sb = new StringBuilder();
        sb.append("name=").append(config.name())
                .append(" port=").append(config.port())
                .append(" mode=").append(config.mode())
                .append(" limit=").append(config.limit())
                .append(" verbose=").append(config.verbose())
                .append(" rules=[");
        for (int i = 0; i < config.rules().size(); i++) {
            RouteGuardConfig.Rule rule = config.rules().get(i);
            sb.append(i == 0 ? "" : ", ").append(rule.path()).append(' ').append(rule.status()).append(' ')
                    .append(rule.method()).append(' ').append(rule.tags());
        }
        sb.append("] labels={");
        String separator = "";
        for (Map.Entry<String, Long> label : config.labels().entrySet()) {
            sb.append(separator).append(label.getKey()).append('=').append(label.getValue());
            separator = ", ";
        }
        return sb.append('}').toString();
    }
}
