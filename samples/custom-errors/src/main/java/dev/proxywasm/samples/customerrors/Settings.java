package dev.proxywasm.samples.customerrors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration as the plugin uses it: prefixes ready to match, and the type URI table with the
 * configured entries over the built-in ones. The checks are {@link CustomErrorsConfig}'s.
 */
record Settings(List<UrlPrefix> prefixes, int startStatus, int endStatus, Map<Integer, String> typeUris,
        String title, int maxDetailBytes) {

    private static final String RFC = "https://datatracker.ietf.org/doc/html/";

    /** From a configuration the generated parser accepted. */
    static Settings of(CustomErrorsConfig config) {
        List<UrlPrefix> prefixes = new ArrayList<>();
        for (String prefix : config.targetURLPrefixes()) {
            prefixes.add(new UrlPrefix(prefix.trim()));
        }
        Map<Integer, String> types = builtInTypes();
        for (Map.Entry<String, String> entry : config.problemTypeURIMap().entrySet()) {
            types.put(CustomErrorsConfig.statusCode(entry.getKey()), entry.getValue().trim());
        }
        return new Settings(List.copyOf(prefixes), config.startStatusCode(), config.endStatusCode(), Map.copyOf(types),
                config.problemTitle(), config.maxDetailBytes());
    }

    /** The problem types RFC 9110 and RFC 6585 define for the common statuses. */
    static Map<Integer, String> builtInTypes() {
        Map<Integer, String> types = new HashMap<>();
        int[] clientErrors = {400, 401, 403, 404, 405, 406, 408, 409, 412, 415, 422, 426};
        String[] clientSections = {"1", "2", "4", "5", "6", "7", "9", "10", "13", "16", "21", "22"};
        for (int i = 0; i < clientErrors.length; i++) {
            types.put(clientErrors[i], RFC + "rfc9110#section-15.5." + clientSections[i]);
        }
        types.put(429, RFC + "rfc6585#section-4");
        int[] serverErrors = {500, 502, 503, 504};
        String[] serverSections = {"1", "3", "4", "5"};
        for (int i = 0; i < serverErrors.length; i++) {
            types.put(serverErrors[i], RFC + "rfc9110#section-15.6." + serverSections[i]);
        }
        return types;
    }

    /** The problem type URI for {@code status}. */
    String typeUri(int status) {
        String configured = typeUris.get(status);
        if (configured != null) {
            return configured;
        }
        return RFC + "rfc9110#section-" + (status < 500 ? "15.5" : "15.6");
    }

    /** Whether the request goes to one of the configured prefixes. */
    boolean targets(String scheme, String authority, String path) {
        for (UrlPrefix prefix : prefixes) {
            if (prefix.matches(scheme, authority, path)) {
                return true;
            }
        }
        return false;
    }
}
