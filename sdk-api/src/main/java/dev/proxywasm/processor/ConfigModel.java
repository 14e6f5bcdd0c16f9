package dev.proxywasm.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @PluginConfiguration} record and everything reachable from it: what the parser
 * writer and the schema writer need, and nothing of javac's model beyond the type names.
 */
record ConfigModel(ConfigRecord root, boolean ignoreUnknownKeys, List<ConfigRecord> records) {

    /** One record: its type, its description (the Javadoc's main text) and its components in order. */
    record ConfigRecord(TypeElement type, String description, List<Member> members) {}

    /**
     * One component: its Java name, its JSON key, its shape, and its constraints. {@code defaultValue}
     * is the {@code @DefaultValue} text (null without one); {@code min}/{@code max} bound numbers;
     * {@code accepts} lists the other JSON shapes it reads too.
     */
    record Member(String name, String key, Shape shape, boolean required, String defaultValue, boolean nonEmpty,
            List<String> allowed, long min, long max, Set<Accept> accepts, String description) {

        boolean accepts(Accept shape) {
            return accepts.contains(shape);
        }
    }

    /** A second JSON shape a member reads, from its {@code @Accept…} annotation. */
    enum Accept {
        /** {@code @AcceptSingleValue}: a list's lone element. */
        SINGLE_VALUE("AcceptSingleValue"),
        /** {@code @AcceptNumericString}: a whole number written as a string. */
        NUMERIC_STRING("AcceptNumericString"),
        /** {@code @AcceptEntryList}: a map written as a list of one-key objects. */
        ENTRY_LIST("AcceptEntryList");

        final String annotation;

        Accept(String annotation) {
            this.annotation = annotation;
        }
    }

    /** What a value is, as JSON and as Java. */
    sealed interface Shape permits Scalar, EnumShape, ListShape, MapShape, RecordShape {
        /** What the lists and maps hold, however deep: where ranges and allowed values apply. */
        default Shape leaf() {
            if (this instanceof ListShape list) {
                return list.element().leaf();
            }
            if (this instanceof MapShape map) {
                return map.value().leaf();
            }
            return this;
        }
    }

    /** A string, a boolean or a whole number. */
    record Scalar(Kind kind) implements Shape {}

    /** The scalar kinds. */
    enum Kind {
        STRING, BOOLEAN, INT, LONG;

        /** Whether it is a whole number, which {@code @Range} bounds. */
        boolean isNumber() {
            return this == INT || this == LONG;
        }

        /** The smallest value the Java type holds: a number's bound without {@code @Range}. */
        long minValue() {
            return this == INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
        }

        /** The largest value the Java type holds. */
        long maxValue() {
            return this == INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
        }
    }

    /** An enum, read by constant name. */
    record EnumShape(TypeElement type, List<String> constants) implements Shape {}

    /** A JSON array. */
    record ListShape(Shape element) implements Shape {}

    /** A JSON object with any string keys. */
    record MapShape(Shape value) implements Shape {}

    /** A nested record. */
    record RecordShape(TypeElement type) implements Shape {}
}
