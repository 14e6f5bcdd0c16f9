package dev.proxywasm.processor;

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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reads a {@code @PluginConfiguration} record and the records it reaches into a {@link ConfigModel},
 * reporting each unsupported type, misplaced constraint and bad default at the component that has it.
 */
final class ConfigModelReader {
    static final String CONFIGURATION = Callback.API + ".PluginConfiguration";
    private static final String SUPPORTED = "String, boolean, int, long (or Boolean, Integer, Long), an enum,"
            + " a record, List<T> or Map<String, T> of these";

    private final ProcessingEnvironment env;
    private final Map<TypeElement, ConfigRecord> records = new LinkedHashMap<>();
    private boolean errors;

    ConfigModelReader(ProcessingEnvironment env) {
        this.env = env;
    }

    /** Whether {@code type} is a type marked {@code @PluginConfiguration}. */
    static boolean isConfiguration(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && annotation(((DeclaredType) type).asElement(), CONFIGURATION) != null;
    }

    /** The model, or null after reporting the errors. */
    ConfigModel read(TypeElement root) {
        AnnotationMirror mirror = annotation(root, CONFIGURATION);
        if (root.getKind() != ElementKind.RECORD) {
            env.getMessager().printMessage(Diagnostic.Kind.ERROR, "@PluginConfiguration must annotate a record, not "
                    + root.getKind().toString().toLowerCase(java.util.Locale.ROOT) + " " + root.getSimpleName(),
                    root, mirror);
            return null;
        }
        AnnotationValue lenient = value(mirror, "ignoreUnknownKeys");
        readRecord(root);
        if (errors) {
            return null;
        }
        return new ConfigModel(records.get(root), lenient != null && (Boolean) lenient.getValue(),
                List.copyOf(records.values()));
    }

    private void readRecord(TypeElement type) {
        if (records.containsKey(type)) {
            return;
        }
        records.put(type, null);
        Javadoc doc = Javadoc.of(env.getElementUtils().getDocComment(type));
        List<Member> members = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (RecordComponentElement component : type.getRecordComponents()) {
            Member member = member(component, doc);
            if (!keys.add(key(component))) {
                error(component, "JSON key \"" + key(component) + "\" of component " + component.getSimpleName()
                        + " is already another component's");
            } else if (member != null) {
                members.add(member);
            }
        }
        records.put(type, new ConfigRecord(type, doc.main(), List.copyOf(members)));
    }

    private Member member(RecordComponentElement component, Javadoc doc) {
        String name = component.getSimpleName().toString();
        Shape shape = shape(component.asType(), component);
        if (shape == null) {
            return null;
        }
        String key = key(component);
        boolean required = annotation(component, Callback.API + ".Required") != null;
        boolean nonEmpty = annotation(component, Callback.API + ".NonEmpty") != null;
        AnnotationValue defaultValue = value(annotation(component, Callback.API + ".DefaultValue"), "value");
        AnnotationMirror range = annotation(component, Callback.API + ".Range");
        AnnotationValue allowedValue = value(annotation(component, Callback.API + ".AllowedValues"), "value");
        List<String> allowed = new ArrayList<>();
        if (allowedValue != null) {
            for (Object v : (List<?>) allowedValue.getValue()) {
                allowed.add((String) ((AnnotationValue) v).getValue());
            }
        }
        Kind leafKind = shape.leaf() instanceof Scalar scalar ? scalar.kind() : null;
        boolean number = leafKind != null && leafKind.isNumber();
        long min = number ? leafKind.minValue() : Long.MIN_VALUE;
        long max = number ? leafKind.maxValue() : Long.MAX_VALUE;
        boolean ok = true;
        if (range != null) {
            AnnotationValue minValue = value(range, "min");
            AnnotationValue maxValue = value(range, "max");
            min = minValue == null ? min : Math.max(min, (Long) minValue.getValue());
            max = maxValue == null ? max : Math.min(max, (Long) maxValue.getValue());
            if (!number) {
                ok = error(component, "@Range bounds whole numbers; component " + name + " is " + component.asType());
            } else if (min > max) {
                ok = error(component, "@Range of component " + name + " accepts nothing: min " + min + " > max " + max);
            }
        }
        if (allowedValue != null && leafKind != Kind.STRING) {
            ok = error(component, "@AllowedValues lists strings; component " + name + " is " + component.asType()
                    + " (an enum says it with its constants)");
        }
        Set<Accept> accepts = EnumSet.noneOf(Accept.class);
        for (Accept accept : Accept.values()) {
            if (annotation(component, Callback.API + "." + accept.annotation) != null) {
                accepts.add(accept);
            }
        }
        if (accepts.contains(Accept.SINGLE_VALUE) && !(shape instanceof ListShape)) {
            ok = error(component, "@AcceptSingleValue is for lists; component " + name + " is " + component.asType());
        }
        if (accepts.contains(Accept.ENTRY_LIST) && !(shape instanceof MapShape)) {
            ok = error(component, "@AcceptEntryList is for maps; component " + name + " is " + component.asType());
        }
        if (accepts.contains(Accept.NUMERIC_STRING) && !number) {
            ok = error(component, "@AcceptNumericString is for whole numbers; component " + name + " is "
                    + component.asType());
        }
        boolean container = shape instanceof ListShape || shape instanceof MapShape;
        if (nonEmpty && !container && !(shape instanceof Scalar s && s.kind() == Kind.STRING)) {
            ok = error(component, "@NonEmpty is for strings, lists and maps; component " + name + " is "
                    + component.asType());
        }
        String defaultText = defaultValue == null ? null : (String) defaultValue.getValue();
        if (defaultText != null && required) {
            ok = error(component, "component " + name + " is @Required, so its @DefaultValue would never apply");
        } else if (defaultText != null) {
            String problem = defaultProblem(shape, defaultText, min, max, nonEmpty, allowed);
            if (problem != null) {
                ok = error(component, "@DefaultValue(\"" + defaultText + "\") of component " + name + ": " + problem);
            }
        } else if (!required && component.asType().getKind().isPrimitive()) {
            ok = error(component, "component " + name + " is a " + component.asType() + ", which cannot be absent:"
                    + " give it @DefaultValue or @Required (or use " + boxed(component.asType()) + ", null when absent)");
        }
        return ok ? new Member(name, key, shape, required, defaultText, nonEmpty, List.copyOf(allowed), min, max,
                Set.copyOf(accepts), doc.param(name)) : null;
    }

    /** Why {@code text} cannot be the default of {@code shape}, or null when it can. */
    private static String defaultProblem(Shape shape, String text, long min, long max, boolean nonEmpty,
            List<String> allowed) {
        if (shape instanceof EnumShape e) {
            return e.constants().contains(text) ? null : "not a constant of " + e.type().getSimpleName()
                    + "; expected one of " + String.join(", ", e.constants());
        }
        if (!(shape instanceof Scalar scalar)) {
            return "defaults are for strings, booleans, numbers and enums; an absent list or map is empty,"
                    + " an absent record null";
        }
        return switch (scalar.kind()) {
            case STRING -> nonEmpty && text.isEmpty() ? "empty, but the component is @NonEmpty"
                    : !allowed.isEmpty() && !allowed.contains(text) ? "not one of " + String.join(", ", allowed)
                    : null;
            case BOOLEAN -> text.equals("true") || text.equals("false") ? null : "expected true or false";
            case INT, LONG -> {
                long value;
                try {
                    value = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    yield "not a whole number";
                }
                yield value < min || value > max ? "outside " + min + " to " + max : null;
            }
        };
    }

    /** The component's JSON key: its {@code @ConfigKey}, or its name. */
    private static String key(RecordComponentElement component) {
        AnnotationValue keyValue = value(annotation(component, Callback.API + ".ConfigKey"), "value");
        return keyValue == null ? component.getSimpleName().toString() : (String) keyValue.getValue();
    }

    private Shape shape(TypeMirror type, Element at) {
        switch (type.getKind()) {
            case BOOLEAN:
                return new Scalar(Kind.BOOLEAN);
            case INT:
                return new Scalar(Kind.INT);
            case LONG:
                return new Scalar(Kind.LONG);
            case DECLARED:
                break;
            default:
                return unsupported(type, at);
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        switch (name) {
            case "java.lang.String":
                return new Scalar(Kind.STRING);
            case "java.lang.Boolean":
                return new Scalar(Kind.BOOLEAN);
            case "java.lang.Integer":
                return new Scalar(Kind.INT);
            case "java.lang.Long":
                return new Scalar(Kind.LONG);
            case "java.util.List": {
                Shape element1 = arguments.size() == 1 ? shape(arguments.get(0), at) : unsupported(type, at);
                return element1 == null ? null : new ListShape(element1);
            }
            case "java.util.Map": {
                if (arguments.size() != 2 || !arguments.get(0).toString().equals("java.lang.String")) {
                    return unsupported(type, at);
                }
                Shape value1 = shape(arguments.get(1), at);
                return value1 == null ? null : new MapShape(value1);
            }
            default:
                break;
        }
        if (element.getKind() == ElementKind.ENUM) {
            List<String> constants = new ArrayList<>();
            for (Element e : element.getEnclosedElements()) {
                if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                    constants.add(e.getSimpleName().toString());
                }
            }
            return new EnumShape(element, List.copyOf(constants));
        }
        if (element.getKind() == ElementKind.RECORD) {
            readRecord(element);
            return new RecordShape(element);
        }
        return unsupported(type, at);
    }

    private Shape unsupported(TypeMirror type, Element at) {
        error(at, "component " + at.getSimpleName() + " has type " + type + ", which a configuration cannot hold;"
                + " supported: " + SUPPORTED);
        return null;
    }

    private String boxed(TypeMirror primitive) {
        return env.getTypeUtils().boxedClass((javax.lang.model.type.PrimitiveType) primitive).getSimpleName().toString();
    }

    /**
     * Reports at {@code element}; a record component is reported at its field, which has the
     * component's position (javac gives the component element itself none).
     */
    private boolean error(Element element, String message) {
        errors = true;
        Element at = element;
        if (element instanceof RecordComponentElement component) {
            for (VariableElement field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
                if (field.getSimpleName().equals(component.getSimpleName())) {
                    at = field;
                }
            }
        }
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, at);
        return false;
    }

    static AnnotationMirror annotation(Element element, String name) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    private static AnnotationValue value(AnnotationMirror mirror, String name) {
        if (mirror == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
