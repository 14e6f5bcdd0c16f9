package dev.proxywasm.samples.customerrors;

import dev.proxywasm.api.AcceptEntryList;
import dev.proxywasm.api.AcceptNumericString;
import dev.proxywasm.api.AcceptSingleValue;
import dev.proxywasm.api.DefaultValue;
import dev.proxywasm.api.NonEmpty;
import dev.proxywasm.api.PluginConfiguration;
import dev.proxywasm.api.Range;
import dev.proxywasm.api.Required;
import java.util.List;
import java.util.Map;

/**
 * The custom-errors plugin's configuration: the {@code pluginConfig} of its {@code WasmPlugin}.
 * Unknown keys are ignored with a warning, so that a configuration written for a newer version
 * still starts an older one.
 *
 * @param targetURLPrefixes the URL prefixes whose error responses are rewritten, such as
 *     {@code foo.bar.com} or {@code https://foo.bar.com/api/}; a prefix matches on a boundary
 *     ({@code foo.bar.com} never matches {@code foo.bar.com.evil.example}), scheme and host
 *     case-insensitively
 * @param startStatusCode the lowest status rewritten
 * @param endStatusCode the highest status rewritten, not below startStatusCode
 * @param problemTypeURIMap the problem type URI per status code (100 to 599), over the built-in
 *     RFC 9110/6585 table
 * @param problemTitle the title of every problem document
 * @param maxDetailBytes the longest detail kept from the original body, in bytes, cut on a UTF-8
 *     character boundary
 */
@PluginConfiguration(ignoreUnknownKeys = true)
record CustomErrorsConfig(
        @Required @NonEmpty @AcceptSingleValue List<String> targetURLPrefixes,
        @DefaultValue("400") @Range(min = 400, max = 599) @AcceptNumericString int startStatusCode,
        @DefaultValue("599") @Range(min = 400, max = 599) @AcceptNumericString int endStatusCode,
        @AcceptEntryList Map<String, String> problemTypeURIMap,
        @DefaultValue("service mesh returned an error") String problemTitle,
        @DefaultValue("4096") @Range(min = 0, max = Integer.MAX_VALUE) @AcceptNumericString int maxDetailBytes) {

    /** What the types cannot say: the checks across fields, and within list elements and map keys. */
    CustomErrorsConfig {
        String problem = problem(targetURLPrefixes, startStatusCode, endStatusCode, problemTypeURIMap);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The first thing the values get wrong, or null; one throw site for all of them keeps the module smaller. */
    private static String problem(List<String> targetURLPrefixes, int startStatusCode, int endStatusCode,
            Map<String, String> problemTypeURIMap) {
        if (startStatusCode > endStatusCode) {
            return "startStatusCode (" + startStatusCode + ") is greater than endStatusCode (" + endStatusCode + ")";
        }
        for (int i = 0; i < targetURLPrefixes.size(); i++) {
            if (targetURLPrefixes.get(i).isBlank()) {
                return "targetURLPrefixes[" + i + "] is blank";
            }
        }
        for (Map.Entry<String, String> entry : problemTypeURIMap.entrySet()) {
            if (statusCode(entry.getKey()) < 0) {
                return "problemTypeURIMap key \"" + entry.getKey() + "\" is not a status code from 100 to 599";
            }
            if (entry.getValue().isBlank()) {
                return "problemTypeURIMap[\"" + entry.getKey() + "\"] is blank";
            }
        }
        return null;
    }

    /** The status code a {@code problemTypeURIMap} key names, or -1; no regex, which would add half a megabyte. */
    static int statusCode(String key) {
        String digits = key.trim();
        if (digits.length() != 3) {
            return -1;
        }
        int status = 0;
        for (int i = 0; i < 3; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            status = status * 10 + (c - '0');
        }
        return status >= 100 && status <= 599 ? status : -1;
    }
}
