package dev.proxywasm.teavm.maven;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the plugin's own configuration parser refuses although JSON Schema allows it: a number
 * written with a fraction or an exponent (JSON Schema's {@code integer} includes {@code 2.0}, and a
 * configuration record holds whole numbers only), and a string or key with a lone surrogate
 * (UTF-8 cannot carry one). Duplicate keys are refused when the configuration is read.
 */
final class StrictValues {
    private StrictValues() {}

    /** Adds one line per such value to {@code lines}, unless a line already speaks of its path. */
    static void check(JsonNode node, String path, List<String> lines) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child = ViolationText.child(path, member.getKey());
                if (hasLoneSurrogate(member.getKey())) {
                    add(lines, child, "a lone surrogate escape in a key");
                }
                check(member.getValue(), child, lines);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), ViolationText.child(path, i), lines);
            }
        } else if (node.isFloatingPointNumber()) {
            add(lines, path, "expected an integer, found " + node.asString()
                    + " (a configuration holds whole numbers, written without a fraction or exponent)");
        } else if (node.isString() && hasLoneSurrogate(node.asString())) {
            add(lines, path, "a lone surrogate escape in a string");
        }
    }

    private static void add(List<String> lines, String path, String problem) {
        for (String line : lines) {
            if (line.startsWith(path + ": ")) {
                return;
            }
        }
        lines.add(path + ": " + problem);
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
