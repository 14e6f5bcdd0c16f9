package dev.proxywasm.it.config;

import dev.proxywasm.api.AllowedValues;
import dev.proxywasm.api.ConfigKey;
import dev.proxywasm.api.DefaultValue;
import dev.proxywasm.api.NonEmpty;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.Range;
import dev.proxywasm.api.Required;
import java.util.List;
import java.util.Map;

/**
 * Which requests the route guard answers itself.
 *
 * @param name the guard's name in logs
 * @param port the port the upstream listens on
 * @param mode {@code ENFORCE} answers, {@code REPORT} only logs
 * @param limit requests per second; absent for no limit
 * @param verbose whether each decision is logged
 * @param rules checked in order; the first whose path prefix matches decides
 * @param labels added to the guard's metrics, each with a weight
 */
@PluginConfiguration
public record RouteGuardConfig(
        @Required @NonEmpty String name,
        @DefaultValue("8080") @Range(min = 1, max = 65535) int port,
        @DefaultValue("ENFORCE") Mode mode,
        @Range(min = 1) Long limit,
        @DefaultValue("false") boolean verbose,
        @NonEmpty List<Rule> rules,
        @ConfigKey("metric-labels") Map<String, Long> labels) {

    /** What the guard does with a matching request. */
    public enum Mode { ENFORCE, REPORT }

    /**
     * One rule.
     *
     * @param path the path prefix it matches
     * @param status the status of the local reply
     * @param method the method it applies to, or every method when absent
     * @param tags free-form tags, for logs
     */
    public record Rule(
            @Required @NonEmpty String path,
            @DefaultValue("403") @Range(min = 100, max = 599) int status,
            @AllowedValues({"GET", "POST", "DELETE"}) String method,
            List<String> tags) {

        /** A rule's own check, beyond what annotations say: its message names the problem. */
        public Rule {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', found \"" + path + "\"");
            }
        }
    }
}
