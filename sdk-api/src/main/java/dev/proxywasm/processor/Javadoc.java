package dev.proxywasm.processor;

import java.util.HashMap;
import java.util.Map;

/**
 * A record's Javadoc as the schema uses it: the main text describes the record, each
 * {@code @param} its component. Whitespace runs become one space; inline tags keep their text.
 */
record Javadoc(String main, Map<String, String> params) {

    static Javadoc of(String comment) {
        if (comment == null) {
            return new Javadoc(null, Map.of());
        }
        String[] blocks = comment.split("\n\\s*@");
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i].trim();
            if (block.startsWith("param ")) {
                String rest = block.substring("param ".length()).trim();
                int space = rest.indexOf(' ');
                if (space > 0) {
                    params.put(rest.substring(0, space), clean(rest.substring(space + 1)));
                }
            }
        }
        String main = clean(blocks[0]);
        return new Javadoc(main.isEmpty() ? null : main, params);
    }

    /** The description of component {@code name}, or null. */
    String param(String name) {
        return params.get(name);
    }

    /** {@code {@code x}} and {@code {@link X}} become their text; whitespace runs one space. */
    private static String clean(String text) {
        String plain = text.replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}", "$1");
        return plain.replaceAll("\\s+", " ").trim();
    }
}
