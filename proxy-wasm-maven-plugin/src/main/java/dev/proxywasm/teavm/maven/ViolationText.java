package dev.proxywasm.teavm.maven;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One JSON Schema violation as one line in the words the plugin's own configuration parser uses
 * ({@code $.rules[2].status: expected at most 599, found 600}), so that the build and the running
 * plugin describe a bad configuration alike.
 */
final class ViolationText {
    private ViolationText() {}

    /** {@code $.rules[2].status: expected …, found …}; {@code schema} is the whole schema document. */
    static String of(Error error, JsonNode schema) {
        return switch (error.getKeyword()) {
            case "required" -> path(error.getInstanceLocation()) + ": missing required key \"" + error.getProperty() + "\"";
            case "additionalProperties" -> path(error.getInstanceLocation().append(error.getProperty()))
                    + ": unknown key" + knownKeys(error, schema);
            default -> path(error.getInstanceLocation()) + ": " + expectation(error) + ", found "
                    + found(error.getKeyword(), error.getInstanceNode());
        };
    }

    /** What the keyword asks for, from its value in the schema. */
    static String expectation(Error error) {
        JsonNode value = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "type" -> "expected " + types(value);
            case "enum" -> "expected one of " + listed(value);
            case "const" -> "expected " + value;
            case "minimum" -> "expected at least " + value;
            case "maximum" -> "expected at most " + value;
            case "exclusiveMinimum" -> "expected more than " + value;
            case "exclusiveMaximum" -> "expected less than " + value;
            case "multipleOf" -> "expected a multiple of " + value;
            case "minLength" -> "expected at least " + count(value, "character");
            case "maxLength" -> "expected at most " + count(value, "character");
            case "pattern" -> "expected a string matching " + value.asString();
            case "minItems" -> "expected at least " + count(value, "item");
            case "maxItems" -> "expected at most " + count(value, "item");
            case "minProperties" -> "expected at least " + count(value, "key");
            case "maxProperties" -> "expected at most " + count(value, "key");
            case "uniqueItems" -> "expected no repeated items";
            default -> error.getMessage();
        };
    }

    /** What the configuration has there: a string quoted and cut, a count for sizes, a value otherwise. */
    static String found(String keyword, JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (keyword) {
            case "minLength", "maxLength" -> quote(node.asString()) + " (" + count(node.asString().codePointCount(0,
                    node.asString().length()), "character") + ")";
            case "minItems", "maxItems", "minProperties", "maxProperties" -> shape(node) + " of "
                    + count(node.size(), node.isArray() ? "item" : "key");
            default -> node.isString() ? quote(node.stringValue()) : node.isContainer() ? shape(node) : node.toString();
        };
    }

    /** {@code $.rules[2].status}: keys plain when they are plain words, else {@code ["a.b"]}. */
    static String path(NodePath location) {
        String path = "$";
        for (int i = 0; i < location.getNameCount(); i++) {
            path = child(path, location.getElement(i));
        }
        return path;
    }

    /** {@code path} one step down: {@code [2]} for an index, {@code .key}, or {@code ["a.b"]}. */
    static String child(String path, Object element) {
        if (element instanceof Integer index) {
            return path + "[" + index + "]";
        }
        if (element.toString().matches("[A-Za-z0-9_-]+")) {
            return path + "." + element;
        }
        return path + "[\"" + element.toString().replace("\"", "\\\"") + "\"]";
    }

    /** {@code ; expected one of a, b}: the keys the object's schema lists next to its additionalProperties. */
    private static String knownKeys(Error error, JsonNode schema) {
        NodePath keyword = error.getSchemaLocation().getFragment();
        JsonNode object = schema;
        for (int i = 0; object != null && i < keyword.getNameCount() - 1; i++) {
            object = keyword.getElement(i) instanceof Integer index ? object.get(index) : object.get(keyword.getName(i));
        }
        JsonNode properties = object == null ? null : object.get("properties");
        if (properties == null || properties.isEmpty()) {
            return "; the schema allows no keys here";
        }
        return "; expected one of " + String.join(", ", properties.propertyNames());
    }

    private static String types(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> names.add(article(t.asString())));
        } else {
            names.add(article(type.asString()));
        }
        return String.join(" or ", names);
    }

    private static String article(String type) {
        return (type.equals("integer") || type.equals("object") || type.equals("array") ? "an " : "a ") + type;
    }

    private static String listed(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(v -> shown.add(v.isString() ? v.stringValue() : v.toString()));
        return String.join(", ", shown);
    }

    private static String shape(JsonNode node) {
        return node.isArray() ? "an array" : "an object";
    }

    private static String count(JsonNode value, String unit) {
        return count(value.asLong(), unit);
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** Quoted, and cut after 40 characters, as the plugin's parser shows found strings. */
    private static String quote(String value) {
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
    }
}
