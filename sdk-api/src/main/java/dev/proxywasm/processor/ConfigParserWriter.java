package dev.proxywasm.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.proxywasm.processor.ConfigModel.Accept;
import dev.proxywasm.processor.ConfigModel.ConfigRecord;
import dev.proxywasm.processor.ConfigModel.EnumShape;
import dev.proxywasm.processor.ConfigModel.Kind;
import dev.proxywasm.processor.ConfigModel.ListShape;
import dev.proxywasm.processor.ConfigModel.MapShape;
import dev.proxywasm.processor.ConfigModel.Member;
import dev.proxywasm.processor.ConfigModel.RecordShape;
import dev.proxywasm.processor.ConfigModel.Scalar;
import dev.proxywasm.processor.ConfigModel.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Writes the configuration parser into the glue: {@code readConfiguration(byte[])}, and one
 * {@code read<Record>} per record, each reading its object member by member through the runtime's
 * {@code ConfigReader} straight into the record's constructor. The generated code stays within
 * what TeaVM compiles small: no reflection, no formatting, no floating point.
 */
final class ConfigParserWriter {
    static final ClassName READER = ClassName.get("dev.proxywasm.runtime", "ConfigReader");
    /** The glue's entry point: the configuration bytes in, the record (or null, after one log line) out. */
    static final String ENTRY = "readConfiguration";

    private final ConfigModel model;

    ConfigParserWriter(ConfigModel model) {
        this.model = model;
    }

    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        TypeElement root = model.root().type();
        methods.add(MethodSpec.methodBuilder(ENTRY)
                .addJavadoc("The plugin configuration as a {@link $T}, or null after logging why it is rejected.\n",
                        ClassName.get(root))
                .addModifiers(Modifier.STATIC)
                .returns(ClassName.get(root))
                .addParameter(byte[].class, "bytes")
                .addStatement("return $T.parse(bytes, in -> $L(in))", READER, readerName(root))
                .build());
        for (ConfigRecord record : model.records()) {
            methods.add(recordReader(record));
        }
        return methods;
    }

    /** {@code readRule} for {@code Config.Rule}: one method per record, named after it. */
    static String readerName(TypeElement record) {
        return "read" + ModelReader.nestedName(record).replace('.', '_');
    }

    private MethodSpec recordReader(ConfigRecord record) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(readerName(record.type()))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ClassName.get(record.type()))
                .addParameter(READER, "in")
                .addStatement("in.beginObject()");
        List<? extends RecordComponentElement> components = record.type().getRecordComponents();
        for (Member member : record.members()) {
            TypeName type = TypeName.get(component(components, member.name()).asType());
            method.addStatement("$T $L = $L", type, member.name(), initial(member));
            if (member.required()) {
                method.addStatement("boolean $LSeen = false", member.name());
            }
        }
        CodeBlock.Builder loop = CodeBlock.builder()
                .beginControlFlow("for (String key = in.nextKey(); key != null; key = in.nextKey())");
        String keyword = "if";
        List<String> keys = new ArrayList<>();
        for (Member member : record.members()) {
            keys.add(member.key());
            if (keyword.equals("if")) {
                loop.beginControlFlow("if (key.equals($S))", member.key());
            } else {
                loop.nextControlFlow("else if (key.equals($S))", member.key());
            }
            keyword = "else if";
            loop.addStatement("$L = $L", member.name(), readMember(member));
            if (member.nonEmpty()) {
                loop.addStatement("in.checkNonEmpty($L.isEmpty(), $S)", member.name(), nonEmptyName(member.shape()));
            }
            if (member.required()) {
                loop.addStatement("$LSeen = true", member.name());
            }
        }
        if (keyword.equals("if")) {
            loop.addStatement("in.$L($S)", unknownKey(), "no keys");
        } else {
            loop.nextControlFlow("else").addStatement("in.$L($S)", unknownKey(), String.join(", ", keys)).endControlFlow();
        }
        loop.addStatement("in.endMember()").endControlFlow();
        method.addCode(loop.build());
        for (Member member : record.members()) {
            if (member.required()) {
                method.beginControlFlow("if (!$LSeen)", member.name())
                        .addStatement("in.missing($S)", member.key())
                        .endControlFlow();
            }
        }
        List<String> names = new ArrayList<>();
        record.members().forEach(m -> names.add(m.name()));
        return method.beginControlFlow("try")
                .addStatement("return new $T($L)", ClassName.get(record.type()), String.join(", ", names))
                .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
                .addComment("The record's own check: its message, at the record's path.")
                .addStatement("throw in.rejected(e)")
                .endControlFlow()
                .build();
    }

    /** Rejecting or skipping a key the record does not declare, as the configuration says. */
    private String unknownKey() {
        return model.ignoreUnknownKeys() ? "skipUnknownKey" : "unknownKey";
    }

    private static RecordComponentElement component(List<? extends RecordComponentElement> components, String name) {
        for (RecordComponentElement component : components) {
            if (component.getSimpleName().contentEquals(name)) {
                return component;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The value of an absent member: its default, null, an empty collection, or the primitive's zero. */
    private static CodeBlock initial(Member member) {
        Shape shape = member.shape();
        if (shape instanceof ListShape) {
            return CodeBlock.of("$T.emptyList()", java.util.Collections.class);
        }
        if (shape instanceof MapShape) {
            return CodeBlock.of("$T.emptyMap()", java.util.Collections.class);
        }
        String text = member.defaultValue();
        if (shape instanceof EnumShape e) {
            return text == null ? CodeBlock.of("null") : CodeBlock.of("$T.$L", ClassName.get(e.type()), text);
        }
        if (shape instanceof Scalar scalar && text != null) {
            return switch (scalar.kind()) {
                case STRING -> CodeBlock.of("$S", text);
                case BOOLEAN, INT -> CodeBlock.of("$L", text);
                case LONG -> CodeBlock.of("$LL", text);
            };
        }
        if (member.required() && shape instanceof Scalar scalar) {
            return switch (scalar.kind()) {
                case BOOLEAN -> CodeBlock.of("false");
                case INT -> CodeBlock.of("0");
                case LONG -> CodeBlock.of("0L");
                case STRING -> CodeBlock.of("null");
            };
        }
        return CodeBlock.of("null");
    }

    /** The expression reading the member's value, in its own JSON shape or the one its {@code @Accept…} adds. */
    private static CodeBlock readMember(Member member) {
        if (member.shape() instanceof ListShape list && member.accepts(Accept.SINGLE_VALUE)) {
            return CodeBlock.of("in.readListOrSingleValue(() -> $L)", read(list.element(), member));
        }
        if (member.shape() instanceof MapShape map && member.accepts(Accept.ENTRY_LIST)) {
            return CodeBlock.of("in.readMapOrEntryList(() -> $L)", read(map.value(), member));
        }
        return read(member.shape(), member);
    }

    /** The expression reading one value of {@code shape}; the member's range and allowed values apply to its scalars. */
    private static CodeBlock read(Shape shape, Member member) {
        if (shape instanceof ListShape list) {
            return CodeBlock.of("in.readList(() -> $L)", read(list.element(), member));
        }
        if (shape instanceof MapShape map) {
            return CodeBlock.of("in.readMap(() -> $L)", read(map.value(), member));
        }
        if (shape instanceof RecordShape record) {
            return CodeBlock.of("$L(in)", readerName(record.type()));
        }
        if (shape instanceof EnumShape e) {
            return CodeBlock.of("$T.values()[in.readChoice($L)]", ClassName.get(e.type()), strings(e.constants()));
        }
        Kind kind = ((Scalar) shape).kind();
        return switch (kind) {
            case STRING -> member.allowed().isEmpty() ? CodeBlock.of("in.readString()")
                    : CodeBlock.of("in.checkAllowed(in.readString(), $L)", strings(member.allowed()));
            case BOOLEAN -> CodeBlock.of("in.readBoolean()");
            case INT -> CodeBlock.of(member.accepts(Accept.NUMERIC_STRING) ? "in.readIntOrNumericString($L, $L)"
                    : "in.readInt($L, $L)", member.min(), member.max());
            case LONG -> CodeBlock.of(member.accepts(Accept.NUMERIC_STRING) ? "in.readLongOrNumericString($LL, $LL)"
                    : "in.readLong($LL, $LL)", member.min(), member.max());
        };
    }

    private static CodeBlock strings(List<String> values) {
        CodeBlock.Builder array = CodeBlock.builder().add("new String[] {");
        for (int i = 0; i < values.size(); i++) {
            array.add(i == 0 ? "$S" : ", $S", values.get(i));
        }
        return array.add("}").build();
    }

    private static String nonEmptyName(Shape shape) {
        return shape instanceof ListShape ? "list" : shape instanceof MapShape ? "object" : "string";
    }
}
