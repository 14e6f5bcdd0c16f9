package dev.proxywasm.samples.customerrors;

import java.util.Map;

/**
 * The configuration as the plugin uses it: prefixes ready to match, and the configured type URIs
 * by status code. The checks are {@link CustomErrorsConfig}'s. Arrays, not collections: the
 * module carries no boxed keys and no immutable-collection copies, and start builds no table of
 * the built-in types, which {@link #builtInType} names when a response needs one.
 */
record Settings(UrlPrefix[] prefixes, int startStatus, int endStatus, String[] typeUris, String title,
        int maxDetailBytes) {

    private static final String RFC = "https://datatracker.ietf.org/doc/html/";
    /** One slot per status code up to 599, the highest a configured key may name. */
    private static final int STATUS_SLOTS = 600;

    /** From a configuration the generated parser accepted. */
    static Settings of(CustomErrorsConfig config) {
        UrlPrefix[] prefixes = new UrlPrefix[config.targetURLPrefixes().size()];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = new UrlPrefix(config.targetURLPrefixes().get(i).trim());
        }
        // In the map's order: of two keys that name the same status ("404", " 404"), the later wins.
        String[] types = new String[STATUS_SLOTS];
        for (Map.Entry<String, String> entry : config.problemTypeURIMap().entrySet()) {
            types[CustomErrorsConfig.statusCode(entry.getKey())] = entry.getValue().trim();
        }
        return new Settings(prefixes, config.startStatusCode(), config.endStatusCode(), types, config.problemTitle(),
                config.maxDetailBytes());
    }

    /**
     * The problem type RFC 9110 (or RFC 6585, for 429) defines for {@code status}; for other
     * statuses, the section of their class (4xx or 5xx).
     */
    static String builtInType(int status) {
        if (status == 429) {
            return RFC + "rfc6585#section-4";
        }
        int subsection = switch (status) {
            case 400, 500 -> 1;
            case 401 -> 2;
            case 502 -> 3;
            case 403, 503 -> 4;
            case 404, 504 -> 5;
            case 405 -> 6;
            case 406 -> 7;
            case 408 -> 9;
            case 409 -> 10;
            case 412 -> 13;
            case 415 -> 16;
            case 422 -> 21;
            case 426 -> 22;
            default -> 0;
        };
        String section = RFC + "rfc9110#section-" + (status < 500 ? "15.5" : "15.6");
        return subsection == 0 ? section : section + "." + subsection;
    }

    /** The problem type URI for {@code status}: the configured one, else the built-in one. */
    String typeUri(int status) {
        String configured = typeUris[status];
        return configured != null ? configured : builtInType(status);
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
