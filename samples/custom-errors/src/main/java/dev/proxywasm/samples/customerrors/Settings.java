package dev.proxywasm.samples.customerrors;

import dev.proxywasm.api.json.Json;
import dev.proxywasm.api.json.JsonException;
import dev.proxywasm.api.json.JsonNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The plugin's configuration, validated: every rejection names the field and the problem. */
record Settings(List<UrlPrefix> prefixes, int startStatus, int endStatus, Map<Integer, String> typeUris,
        String title, int maxDetailBytes) {

    /** A configuration the plugin cannot start with; the message is the one log line that says why. */
    static final class Invalid extends Exception {
        Invalid(String problem) {
            super("custom-errors: " + problem);
        }
    }

    private static final String RFC = "https://datatracker.ietf.org/doc/html/";
    private static final Set<String> FIELDS = Set.of("targetURLPrefixes", "startStatusCode", "endStatusCode",
            "problemTypeURIMap", "problemTitle", "maxDetailBytes");

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

    /** Parses and validates; unknown fields are reported to {@code warn} and ignored. */
    static Settings parse(String text, Consumer<String> warn) throws Invalid {
        if (text.isBlank()) {
            throw new Invalid("the configuration is empty; targetURLPrefixes is required");
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonException e) {
            throw new Invalid("the configuration is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> json)) {
            throw new Invalid("the configuration must be a JSON object");
        }
        for (Object field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                warn.accept("custom-errors: ignoring unknown field \"" + field + "\"");
            }
        }
        List<UrlPrefix> prefixes = prefixes(json.get("targetURLPrefixes"));
        int start = statusCode(json, "startStatusCode", 400);
        int end = statusCode(json, "endStatusCode", 599);
        if (start > end) {
            throw new Invalid("startStatusCode (" + start + ") is greater than endStatusCode (" + end + ")");
        }
        Map<Integer, String> types = builtInTypes();
        types.putAll(typeUris(json.get("problemTypeURIMap")));
        Object title = json.containsKey("problemTitle") ? json.get("problemTitle") : "service mesh returned an error";
        if (!(title instanceof String)) {
            throw new Invalid("problemTitle must be a string, not " + title);
        }
        int maxDetailBytes = json.containsKey("maxDetailBytes") ? integer("maxDetailBytes", json.get("maxDetailBytes"))
                : 4096;
        if (maxDetailBytes < 0) {
            throw new Invalid("maxDetailBytes (" + maxDetailBytes + ") must be 0 or more");
        }
        return new Settings(List.copyOf(prefixes), start, end, Map.copyOf(types), (String) title, maxDetailBytes);
    }

    private static List<UrlPrefix> prefixes(Object value) throws Invalid {
        if (value == null) {
            throw new Invalid("targetURLPrefixes is required");
        }
        List<?> raw = value instanceof String ? List.of(value) : value instanceof List<?> list ? list : null;
        if (raw == null) {
            throw new Invalid("targetURLPrefixes must be a string or a list of strings, not " + value);
        }
        if (raw.isEmpty()) {
            throw new Invalid("targetURLPrefixes is empty; list at least one URL prefix");
        }
        List<UrlPrefix> prefixes = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String s) || s.isBlank()) {
                throw new Invalid("targetURLPrefixes[" + i + "] must be a non-empty string");
            }
            prefixes.add(new UrlPrefix(s.trim()));
        }
        return prefixes;
    }

    private static int statusCode(Map<?, ?> json, String field, int fallback) throws Invalid {
        if (!json.containsKey(field)) {
            return fallback;
        }
        int status = integer(field, json.get(field));
        if (status < 400 || status > 599) {
            throw new Invalid(field + " (" + status + ") must be between 400 and 599");
        }
        return status;
    }

    /** An integer given as a JSON number or as a numeric string (YAML often quotes numbers). */
    private static int integer(String field, Object value) throws Invalid {
        if (value instanceof JsonNumber n && n.isLong() && n.longValue() >= Integer.MIN_VALUE
                && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (value instanceof String s && isDigits(s.trim().startsWith("-") ? s.trim().substring(1) : s.trim(), 9)) {
            return Integer.parseInt(s.trim());
        }
        throw new Invalid(field + " must be an integer, not " + (value instanceof String ? "\"" + value + "\"" : value));
    }

    /** 1 to {@code maxLength} ASCII digits; no regex, which would add half a megabyte to the module. */
    private static boolean isDigits(String s, int maxLength) {
        if (s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Both shapes: {@code {"404": "uri"}} and Istio's rendering of a YAML list, {@code [{"404": "uri"}]}. */
    private static Map<Integer, String> typeUris(Object value) throws Invalid {
        Map<Integer, String> types = new HashMap<>();
        if (value == null) {
            return types;
        }
        if (value instanceof Map<?, ?> map) {
            addTypeUris(map, types);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> entry) || entry.size() != 1) {
                    throw new Invalid("problemTypeURIMap[" + i + "] must be an object with one status code");
                }
                addTypeUris(entry, types);
            }
        } else {
            throw new Invalid("problemTypeURIMap must be an object or a list of objects, not " + value);
        }
        return types;
    }

    private static void addTypeUris(Map<?, ?> map, Map<Integer, String> types) throws Invalid {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey()).trim();
            int status = key.length() == 3 && isDigits(key, 3) ? Integer.parseInt(key) : -1;
            if (status < 100 || status > 599) {
                throw new Invalid("problemTypeURIMap key \"" + key + "\" is not a status code between 100 and 599");
            }
            if (!(entry.getValue() instanceof String uri) || uri.isBlank()) {
                throw new Invalid("problemTypeURIMap[\"" + key + "\"] must be a URI string");
            }
            types.put(status, uri.trim());
        }
    }
}
