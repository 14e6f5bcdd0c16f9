package dev.proxywasm.processor;

import dev.proxywasm.processor.ConfigModel.Accept;
import dev.proxywasm.processor.ConfigModel.ConfigRecord;
import dev.proxywasm.processor.ConfigModel.EnumShape;
import dev.proxywasm.processor.ConfigModel.ListShape;
import dev.proxywasm.processor.ConfigModel.MapShape;
import dev.proxywasm.processor.ConfigModel.Member;
import dev.proxywasm.processor.ConfigModel.RecordShape;
import dev.proxywasm.processor.ConfigModel.Scalar;
import dev.proxywasm.processor.ConfigModel.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration's JSON Schema (draft 2020-12), saying what the generated parser accepts:
 * {@code additionalProperties: false}, required keys, ranges, enums, defaults, the second shapes of
 * {@code @Accept…} components as {@code anyOf}, and descriptions from the records' Javadoc. Nested
 * records are {@code $defs}.
 */
final class ConfigSchemaWriter {
    /** Where the build finds the schema, to copy it next to the module. */
    static final String RESOURCE = "META-INF/proxy-wasm/configuration.schema.json";
    /** What {@code @AcceptNumericString} accepts in a string: the integer alone. */
    private static final String NUMERIC_STRING = "^-?[0-9]+$";

    private final ConfigModel model;

    ConfigSchemaWriter(ConfigModel model) {
        this.model = model;
    }

    String schema() {
        StringBuilder out = new StringBuilder();
        List<String> head = new ArrayList<>();
        head.add(pair("$schema", quote("https://json-schema.org/draft/2020-12/schema")));
        head.add(pair("title", quote(model.root().type().getSimpleName().toString())));
        List<String> fields = new ArrayList<>(head);
        fields.addAll(recordFields(model.root(), "  "));
        List<String> defs = new ArrayList<>();
        for (ConfigRecord record : model.records()) {
            if (record != model.root()) {
                defs.add(pair(quoteKey(defName(record)), object(recordFields(record, "      "), "    ")));
            }
        }
        if (!defs.isEmpty()) {
            fields.add(pair("$defs", object(defs, "  ")));
        }
        out.append(object(fields, "")).append('\n');
        return out.toString();
    }

    private List<String> recordFields(ConfigRecord record, String indent) {
        List<String> fields = new ArrayList<>();
        if (record.description() != null) {
            fields.add(pair("description", quote(record.description())));
        }
        fields.add(pair("type", quote("object")));
        List<String> properties = new ArrayList<>();
        List<String> required = new ArrayList<>();
        for (Member member : record.members()) {
            properties.add(pair(quoteKey(member.key()), object(memberFields(member), indent + "  ")));
            if (member.required()) {
                required.add(quote(member.key()));
            }
        }
        fields.add(pair("properties", object(properties, indent)));
        if (!required.isEmpty()) {
            fields.add(pair("required", "[" + String.join(", ", required) + "]"));
        }
        // False even when the parser skips unknown keys: the schema checks what an operator writes
        // for this version, where an unknown key is a mistake; skipping only keeps a plugin running.
        fields.add(pair("additionalProperties", "false"));
        return fields;
    }

    private List<String> memberFields(Member member) {
        List<String> fields = new ArrayList<>();
        if (member.description() != null) {
            fields.add(pair("description", quote(member.description())));
        }
        List<String> value = shapeFields(member.shape(), member);
        if (member.nonEmpty()) {
            String keyword = member.shape() instanceof ListShape ? "minItems"
                    : member.shape() instanceof MapShape ? "minProperties" : "minLength";
            value.add(pair(keyword, "1"));
        }
        if (member.shape() instanceof ListShape list && member.accepts(Accept.SINGLE_VALUE)) {
            fields.add(pair("anyOf", "[" + inline(shapeFields(list.element(), member)) + ", " + inline(value) + "]"));
        } else if (member.shape() instanceof MapShape map && member.accepts(Accept.ENTRY_LIST)) {
            List<String> entry = List.of(pair("type", quote("object")),
                    pair("additionalProperties", inline(shapeFields(map.value(), member))),
                    pair("minProperties", "1"), pair("maxProperties", "1"));
            List<String> entries = new ArrayList<>(List.of(pair("type", quote("array")), pair("items", inline(entry))));
            if (member.nonEmpty()) {
                entries.add(pair("minItems", "1"));
            }
            fields.add(pair("anyOf", "[" + inline(value) + ", " + inline(entries) + "]"));
        } else {
            fields.addAll(value);
        }
        if (member.defaultValue() != null) {
            boolean string = member.shape() instanceof EnumShape
                    || ((Scalar) member.shape()).kind() == ConfigModel.Kind.STRING;
            fields.add(pair("default", string ? quote(member.defaultValue()) : member.defaultValue()));
        }
        return fields;
    }

    private List<String> shapeFields(Shape shape, Member member) {
        List<String> fields = new ArrayList<>();
        if (shape instanceof ListShape list) {
            fields.add(pair("type", quote("array")));
            fields.add(pair("items", inline(shapeFields(list.element(), member))));
        } else if (shape instanceof MapShape map) {
            fields.add(pair("type", quote("object")));
            fields.add(pair("additionalProperties", inline(shapeFields(map.value(), member))));
        } else if (shape instanceof RecordShape record) {
            ConfigRecord target = record(record);
            fields.add(pair("$ref", quote(target == model.root() ? "#" : "#/$defs/" + defName(target))));
        } else if (shape instanceof EnumShape e) {
            fields.add(pair("type", quote("string")));
            fields.add(pair("enum", strings(e.constants())));
        } else {
            switch (((Scalar) shape).kind()) {
                case STRING -> {
                    fields.add(pair("type", quote("string")));
                    if (!member.allowed().isEmpty()) {
                        fields.add(pair("enum", strings(member.allowed())));
                    }
                }
                case BOOLEAN -> fields.add(pair("type", quote("boolean")));
                case INT, LONG -> {
                    List<String> integer = List.of(pair("type", quote("integer")),
                            pair("minimum", Long.toString(member.min())), pair("maximum", Long.toString(member.max())));
                    if (member.accepts(Accept.NUMERIC_STRING)) {
                        // A schema cannot bound the number inside the string; the parser does.
                        fields.add(pair("anyOf", "[" + inline(integer) + ", "
                                + inline(List.of(pair("type", quote("string")), pair("pattern", quote(NUMERIC_STRING))))
                                + "]"));
                    } else {
                        fields.addAll(integer);
                    }
                }
            }
        }
        return fields;
    }

    private ConfigRecord record(RecordShape shape) {
        for (ConfigRecord record : model.records()) {
            if (record.type().equals(shape.type())) {
                return record;
            }
        }
        throw new IllegalArgumentException(shape.type().toString());
    }

    /** The root's own reference is the document itself; others are named after their nested name. */
    private String defName(ConfigRecord record) {
        return record == model.root() ? "" : ModelReader.nestedName(record.type());
    }

    private static String object(List<String> fields, String indent) {
        if (fields.isEmpty()) {
            return "{}";
        }
        String inner = indent + "  ";
        return "{\n" + inner + String.join(",\n" + inner, fields) + "\n" + indent + "}";
    }

    private static String inline(List<String> fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    private static String pair(String key, String value) {
        return (key.startsWith("\"") ? key : quote(key)) + ": " + value;
    }

    private static String quoteKey(String key) {
        return quote(key);
    }

    private static String strings(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(quote(v)));
        return "[" + String.join(", ", quoted) + "]";
    }

    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
