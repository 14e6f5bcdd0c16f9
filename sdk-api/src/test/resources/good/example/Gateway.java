package example;

import dev.proxywasm.api.AcceptEntryList;
import dev.proxywasm.api.AcceptNumericString;
import dev.proxywasm.api.AcceptSingleValue;
import dev.proxywasm.api.AllowedValues;
import dev.proxywasm.api.ConfigKey;
import dev.proxywasm.api.DefaultValue;
import dev.proxywasm.api.NonEmpty;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.Range;
import dev.proxywasm.api.Required;
import java.util.List;
import java.util.Map;

/** A plugin whose configuration is a record: the glue parses it before start. */
@ProxyWasmPlugin
public final class Gateway {
    /**
     * What the gateway does with each request.
     *
     * @param name the route's name, for logs
     * @param port where the upstream listens
     * @param rules checked in order; the first match decides
     * @param labels added to every metric
     * @param mode how strictly rules apply
     * @param limit requests per second, or null for none
     * @param hosts the hosts it serves: one, or a list
     * @param retries how often to retry, also as a string
     * @param owners who owns which route: an object, or a list of one-key objects
     */
    @PluginConfiguration
    public record Config(
            @Required @NonEmpty String name,
            @DefaultValue("8080") @Range(min = 1, max = 65535) int port,
            @NonEmpty List<Rule> rules,
            Map<String, String> labels,
            @DefaultValue("ENFORCE") Mode mode,
            Long limit,
            @Required @NonEmpty @AcceptSingleValue List<String> hosts,
            @DefaultValue("2") @Range(min = 0, max = 5) @AcceptNumericString int retries,
            @AcceptEntryList Map<String, String> owners) {}

    /**
     * One rule.
     *
     * @param path a path prefix
     * @param status the status to answer with
     * @param method the method it applies to
     */
    public record Rule(
            @Required String path,
            @ConfigKey("status-code") @Range(min = 100, max = 599) @DefaultValue("403") int status,
            @AllowedValues({"GET", "POST"}) String method) {}

    /** How strictly rules apply. */
    public enum Mode { ENFORCE, REPORT }

    @OnPluginStart
    boolean start(Config config) {
        return !config.rules().isEmpty();
    }
}
