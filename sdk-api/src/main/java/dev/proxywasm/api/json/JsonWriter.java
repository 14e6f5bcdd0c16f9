package dev.proxywasm.api.json;

/**
 * Writes one JSON object, members in the order added; strings are escaped so the output is valid
 * JSON whatever they contain (quotes, backslashes, control characters, lone surrogates).
 *
 * <pre>{@code
 * String json = new JsonWriter().add("status", 503).add("title", "unavailable").text();
 * }</pre>
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder("{");
    private boolean empty = true;

    /** Adds a string member; {@code null} writes JSON {@code null}. */
    public JsonWriter add(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(out, value);
        }
        return this;
    }

    /** Adds a number member. */
    public JsonWriter add(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** Adds a boolean member. */
    public JsonWriter add(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    private void name(String name) {
        if (!empty) {
            out.append(',');
        }
        empty = false;
        quote(out, name);
        out.append(':');
    }

    /** The object as JSON text. */
    public String text() {
        return out + "}";
    }

    /** The object as JSON text, as {@link #text()}. */
    @Override
    public String toString() {
        return text();
    }

    /** Appends {@code value} as a JSON string literal; runs that need no escaping are copied whole. */
    private static void quote(StringBuilder out, String value) {
        out.append('"');
        int n = value.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(value, run, i);
            // The escape picked first and appended once: one call site, not seven.
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> null;
            };
            if (escape != null) {
                out.append(escape);
            } else {
                hex(out, c);
            }
            run = i + 1;
        }
        out.append(value, run, n);
        out.append('"');
    }

    private static void hex(StringBuilder out, char c) {
        String digits = "0123456789abcdef";
        out.append("\\u").append(digits.charAt(c >> 12 & 0xf)).append(digits.charAt(c >> 8 & 0xf))
                .append(digits.charAt(c >> 4 & 0xf)).append(digits.charAt(c & 0xf));
    }
}
