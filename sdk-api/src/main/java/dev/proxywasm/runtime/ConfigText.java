package dev.proxywasm.runtime;

import java.util.List;

/** How configuration rejections show paths and values: small text helpers of {@link ConfigReader}. */
final class ConfigText {
    private ConfigText() {}

    /** {@code $.rules[2].status}: keys as strings, list indices as integers. */
    static String path(List<Object> segments) {
        StringBuilder sb = new StringBuilder("$");
        // Typed appends only: append(Object) would make every toString() in the module reachable.
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                sb.append('[').append(index.intValue()).append(']');
            } else if (isPlainKey((String) segment)) {
                sb.append('.').append((String) segment);
            } else {
                sb.append("[\"").append((String) segment).append("\"]");
            }
        }
        return sb.toString();
    }

    /** A key the dotted path shows as it is; others are bracketed, {@code $.labels["a.b"]}. */
    private static boolean isPlainKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A found string for messages: quoted, and cut after 40 characters. */
    static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "\"" + shown + "\"";
    }

    /** {@code A, B, C}, for the values a message lists. */
    static String join(String[] names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name);
        }
        return sb.toString();
    }
}
