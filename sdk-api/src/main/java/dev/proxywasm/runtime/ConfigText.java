package dev.proxywasm.runtime;

/** How configuration rejections show paths and values: small text helpers of {@link ConfigReader}. */
final class ConfigText {
    private ConfigText() {}

    /** {@code $.rules[2].status}: the segments of {@code innermost} and of the nestings around it. */
    static String path(Nesting innermost) {
        StringBuilder sb = new StringBuilder("$");
        appendSegments(sb, innermost);
        return sb.toString();
    }

    /** The outer segments first; at most {@link ConfigReader#MAX_DEPTH} deep. */
    private static void appendSegments(StringBuilder sb, Nesting nesting) {
        if (nesting == null) {
            return;
        }
        appendSegments(sb, nesting.outer);
        // Typed appends only: append(Object) would make every toString() in the module reachable.
        String key = nesting.key;
        if (key != null) {
            if (isPlainKey(key)) {
                sb.append('.').append(key);
            } else {
                sb.append("[\"").append(key).append("\"]");
            }
        } else if (nesting.index >= 0) {
            sb.append('[').append(nesting.index).append(']');
        }
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
