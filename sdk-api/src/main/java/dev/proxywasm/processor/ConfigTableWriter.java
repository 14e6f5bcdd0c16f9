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
import javax.lang.model.element.TypeElement;

/**
 * The configuration as a Markdown table for a plugin's README: one row per key, nested records'
 * keys as paths ({@code rules[].status}), with type, default, rule and the Javadoc's description.
 * Generated with the schema, so the README can hold the same table the parser enforces.
 */
final class ConfigTableWriter {
    /** Where the build finds the table, to copy it next to the module. */
    static final String RESOURCE = "META-INF/proxy-wasm/configuration.md";

    private final ConfigModel model;
    private final List<String> rows = new ArrayList<>();

    ConfigTableWriter(ConfigModel model) {
        this.model = model;
    }

    String table() {
        rows.add("| key | type | default | rule | description |");
        rows.add("|---|---|---|---|---|");
        addRows(model.root(), "", new ArrayList<>());
        return String.join("\n", rows) + "\n";
    }

    private void addRows(ConfigRecord record, String prefix, List<TypeElement> enclosing) {
        enclosing.add(record.type());
        for (Member member : record.members()) {
            String key = prefix + member.key();
            rows.add("| `" + key + "` | " + type(member) + " | " + defaultText(member) + " | " + rule(member)
                    + " | " + cell(member.description()) + " |");
            Shape shape = member.shape();
            String path = key;
            while (shape instanceof ListShape || shape instanceof MapShape) {
                path += shape instanceof ListShape ? "[]" : ".*";
                shape = shape instanceof ListShape list ? list.element() : ((MapShape) shape).value();
            }
            if (shape instanceof RecordShape nested && !enclosing.contains(nested.type())) {
                addRows(record(nested.type()), path + ".", enclosing);
            }
        }
        enclosing.remove(enclosing.size() - 1);
    }

    private String type(Member member) {
        String type = typeName(member.shape(), member);
        if (member.shape() instanceof ListShape list && member.accepts(Accept.SINGLE_VALUE)) {
            return typeName(list.element(), member) + ", or " + type;
        }
        if (member.accepts(Accept.ENTRY_LIST)) {
            return type + ", or list of one-key objects";
        }
        return type;
    }

    private static String typeName(Shape shape, Member member) {
        if (shape instanceof ListShape list) {
            return "list of " + typeName(list.element(), member);
        }
        if (shape instanceof MapShape map) {
            return "map of " + typeName(map.value(), member);
        }
        if (shape instanceof RecordShape) {
            return "object";
        }
        if (shape instanceof EnumShape) {
            return "string";
        }
        return switch (((Scalar) shape).kind()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case INT, LONG -> member.accepts(Accept.NUMERIC_STRING) ? "integer (or numeric string)" : "integer";
        };
    }

    private static String defaultText(Member member) {
        if (member.required()) {
            return "required";
        }
        return member.defaultValue() == null ? "" : "`" + member.defaultValue() + "`";
    }

    private static String rule(Member member) {
        List<String> rules = new ArrayList<>();
        Shape leaf = member.shape().leaf();
        if (leaf instanceof Scalar scalar && scalar.kind().isNumber()) {
            long typeMin = scalar.kind().minValue();
            long typeMax = scalar.kind().maxValue();
            if (member.min() != typeMin && member.max() != typeMax) {
                rules.add(member.min() + " to " + member.max());
            } else if (member.min() != typeMin) {
                rules.add("at least " + member.min());
            } else if (member.max() != typeMax) {
                rules.add("at most " + member.max());
            }
        }
        if (leaf instanceof EnumShape e) {
            rules.add("one of " + String.join(", ", e.constants()));
        }
        if (!member.allowed().isEmpty()) {
            rules.add("one of " + String.join(", ", member.allowed()));
        }
        if (member.nonEmpty()) {
            rules.add("not empty");
        }
        return String.join("; ", rules);
    }

    private ConfigRecord record(TypeElement type) {
        for (ConfigRecord record : model.records()) {
            if (record.type().equals(type)) {
                return record;
            }
        }
        throw new IllegalArgumentException(type.toString());
    }

    /** A table cell: no line breaks, and a pipe that would end the cell escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }
}
