package dev.proxywasm.processor;

import dev.proxywasm.processor.PluginModel.Handler;
import dev.proxywasm.processor.PluginModel.StreamCreation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/** Validates the annotated elements of one compilation and builds the {@link PluginModel}. */
final class ModelReader {
    private final ProcessingEnvironment env;
    private final Messager messager;
    private boolean errors;
    private TypeElement configurationType;

    ModelReader(ProcessingEnvironment env) {
        this.env = env;
        this.messager = env.getMessager();
    }

    boolean hasErrors() {
        return errors;
    }

    /** The model, or null when there is no valid plugin class; errors are reported either way. */
    PluginModel read(List<TypeElement> plugins, List<Element> handlerMethods) {
        TypeElement plugin = plugins.isEmpty() ? null : plugins.get(0);
        if (plugins.size() > 1) {
            // One message: which handlers belong where follows from which plugin stays.
            for (int i = 1; i < plugins.size(); i++) {
                error(plugins.get(i), pluginMirror(plugins.get(i)), "one plugin per Maven module: "
                        + plugin.getQualifiedName() + " and " + plugins.get(i).getQualifiedName()
                        + " are both @ProxyWasmPlugin; move one into a module of its own");
            }
            return null;
        }
        TypeElement stream = null;
        StreamCreation creation = StreamCreation.SHARED_PLUGIN;
        if (plugin != null) {
            checkPluginClass(plugin);
            stream = streamClass(plugin);
            if (stream != null) {
                creation = streamCreation(plugin, stream);
            }
        }
        Map<Callback, Handler> handlers = new EnumMap<>(Callback.class);
        Map<Callback, ExecutableElement> seen = new EnumMap<>(Callback.class);
        for (Element element : handlerMethods) {
            ExecutableElement method = (ExecutableElement) element;
            for (Callback callback : Callback.values()) {
                AnnotationMirror mirror = mirror(method, callback.annotation);
                if (mirror == null) {
                    continue;
                }
                if (seen.containsKey(callback)) {
                    ExecutableElement first = seen.get(callback);
                    error(method, null, "duplicate " + callback.display() + ": "
                            + ((TypeElement) first.getEnclosingElement()).getSimpleName() + "." + first.getSimpleName()
                            + "() already handles " + callback.export.abiName());
                    continue;
                }
                seen.put(callback, method);
                Handler handler = handler(callback, method, plugin, stream);
                if (handler != null) {
                    handlers.put(callback, handler);
                }
            }
        }
        checkOneBodyHandler(seen, Callback.REQUEST_BODY, Callback.WHOLE_REQUEST_BODY);
        checkOneBodyHandler(seen, Callback.RESPONSE_BODY, Callback.WHOLE_RESPONSE_BODY);
        if (plugin == null) {
            return null;
        }
        ConfigModel configuration = null;
        if (configurationType != null) {
            configuration = new ConfigModelReader(env).read(configurationType);
            errors |= configuration == null;
        }
        return new PluginModel(plugin, stream, creation, failsOpen(plugin), List.copyOf(handlers.values()),
                configuration);
    }

    /** Chunks and the whole body are two ways to handle the same export: a plugin picks one. */
    private void checkOneBodyHandler(Map<Callback, ExecutableElement> seen, Callback chunks, Callback whole) {
        if (seen.containsKey(chunks) && seen.containsKey(whole)) {
            ExecutableElement method = seen.get(whole);
            error(method, mirror(method, whole.annotation), whole.display() + " and " + chunks.display() + " ("
                    + seen.get(chunks).getSimpleName() + "()) both handle " + chunks.export.abiName() + "; keep one: "
                    + whole.display() + " gets the body once, complete, " + chunks.display() + " every chunk");
        }
    }

    private void checkPluginClass(TypeElement plugin) {
        AnnotationMirror mirror = pluginMirror(plugin);
        if (plugin.getKind() != ElementKind.CLASS) {
            error(plugin, mirror, "@ProxyWasmPlugin must annotate a class");
            return;
        }
        checkInstantiable(plugin, mirror, "plugin class");
        if (!hasConstructor(plugin, List.of())) {
            error(plugin, mirror, "plugin class " + plugin.getSimpleName() + " needs a non-private constructor without parameters");
        }
    }

    private void checkInstantiable(TypeElement type, AnnotationMirror mirror, String role) {
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            error(type, mirror, role + " " + type.getSimpleName() + " must not be abstract");
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            error(type, mirror, role + " " + type.getSimpleName() + " must not be private");
        }
    }

    private boolean failsOpen(TypeElement plugin) {
        AnnotationValue policy = explicitValue(pluginMirror(plugin), "failurePolicy");
        return policy != null && ((VariableElement) policy.getValue()).getSimpleName().contentEquals("FAIL_OPEN");
    }

    /** The value {@code mirror} gives its element {@code name} explicitly, or null (the default applies). */
    private static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** {@code Outer.Inner}: the class's name within its package, as failure logs show it. */
    static String nestedName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            name.insert(0, e.getSimpleName() + ".");
        }
        return name.toString();
    }

    private TypeElement streamClass(TypeElement plugin) {
        AnnotationValue stream = explicitValue(pluginMirror(plugin), "stream");
        if (stream == null) {
            return null;
        }
        TypeMirror type = (TypeMirror) stream.getValue();
        return type.getKind() == TypeKind.VOID ? null : (TypeElement) ((DeclaredType) type).asElement();
    }

    private StreamCreation streamCreation(TypeElement plugin, TypeElement stream) {
        AnnotationMirror mirror = pluginMirror(plugin);
        if (stream.getKind() != ElementKind.CLASS) {
            error(plugin, mirror, "stream class " + stream.getSimpleName() + " must be a class");
            return StreamCreation.NO_ARGUMENTS;
        }
        checkInstantiable(stream, mirror, "stream class");
        boolean inner = stream.getNestingKind() == NestingKind.MEMBER && !stream.getModifiers().contains(Modifier.STATIC);
        if (inner) {
            if (!stream.getEnclosingElement().equals(plugin)) {
                error(plugin, mirror, "stream class " + stream.getSimpleName()
                        + " is an inner class of another class; make it static or nest it in " + plugin.getSimpleName());
            } else if (!hasConstructor(stream, List.of())) {
                error(plugin, mirror, "stream class " + stream.getSimpleName()
                        + " needs a non-private constructor without parameters");
            }
            return StreamCreation.INNER;
        }
        if (hasConstructor(stream, List.of(plugin.asType()))) {
            return StreamCreation.WITH_PLUGIN;
        }
        if (hasConstructor(stream, List.of())) {
            return StreamCreation.NO_ARGUMENTS;
        }
        error(plugin, mirror, "stream class " + stream.getSimpleName() + " needs a non-private constructor taking "
                + plugin.getSimpleName() + " or nothing");
        return StreamCreation.NO_ARGUMENTS;
    }

    private boolean hasConstructor(TypeElement type, List<TypeMirror> parameters) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getModifiers().contains(Modifier.PRIVATE)
                    || constructor.getParameters().size() != parameters.size()) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < parameters.size(); i++) {
                matches &= env.getTypeUtils().isSameType(constructor.getParameters().get(i).asType(), parameters.get(i));
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private Handler handler(Callback callback, ExecutableElement method,
            TypeElement plugin, TypeElement stream) {
        String name = callback.display() + " method " + method.getSimpleName() + "()";
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        boolean ok = true;
        if (plugin == null) {
            error(method, null, name + " is not part of a plugin: no class in this module is annotated @ProxyWasmPlugin");
            return null;
        }
        TypeElement expectedOwner = callback.scope == Callback.Scope.STREAM && stream != null ? stream : plugin;
        if (!owner.equals(expectedOwner)) {
            String where = expectedOwner == stream
                    ? "the stream class " + stream.getSimpleName() + " of plugin " + plugin.getSimpleName()
                    : "the plugin class " + plugin.getSimpleName();
            error(method, null, name + " must be declared in " + where);
            ok = false;
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            error(method, null, name + " must not be private: the generated exports call it");
            ok = false;
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            error(method, null, name + " must not be static: it runs on the plugin or stream instance");
            ok = false;
        }
        TypeKind returnKind = method.getReturnType().getKind();
        boolean returnsValue = returnKind != TypeKind.VOID;
        boolean returnOk = switch (callback.returns) {
            case START -> !returnsValue || returnKind == TypeKind.BOOLEAN;
            case ACTION -> !returnsValue || isType(method.getReturnType(), Callback.API + ".Action");
            case NOTHING -> !returnsValue;
        };
        if (!returnOk) {
            error(method, null, name + " must return " + callback.returns.description + ", not " + method.getReturnType());
            ok = false;
        }
        List<Argument> arguments = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            String typeName = typeName(parameter.asType());
            Argument argument = callback.argumentFor(typeName);
            if (argument == null && callback.arguments.contains(Argument.TYPED_CONFIGURATION)
                    && ConfigModelReader.isConfiguration(parameter.asType())) {
                argument = Argument.TYPED_CONFIGURATION;
                configurationType = (TypeElement) ((DeclaredType) parameter.asType()).asElement();
            }
            if (argument == null) {
                error(parameter, null, "parameter " + parameter.getSimpleName() + " of " + name + " has type "
                        + parameter.asType() + ", which the SDK cannot supply; allowed: " + callback.allowedArguments());
                ok = false;
            } else if (arguments.contains(argument)) {
                error(parameter, null, "parameter " + parameter.getSimpleName() + " of " + name
                        + " repeats type " + argument.display() + "; each type can be injected once");
                ok = false;
            } else {
                arguments.add(argument);
            }
        }
        PluginModel.WholeBody wholeBody = null;
        if (callback == Callback.WHOLE_REQUEST_BODY || callback == Callback.WHOLE_RESPONSE_BODY) {
            wholeBody = wholeBody(method, callback);
            ok &= wholeBody != null;
        }
        return ok ? new Handler(callback, method.getSimpleName().toString(),
                nestedName(owner) + "." + method.getSimpleName(), List.copyOf(arguments), returnsValue, wholeBody)
                : null;
    }

    /** The whole-body annotation's options, or null (with an error) when they make no sense. */
    private PluginModel.WholeBody wholeBody(ExecutableElement method, Callback callback) {
        AnnotationMirror mirror = mirror(method, callback.annotation);
        AnnotationValue maxValue = explicitValue(mirror, "maxBytes");
        AnnotationValue readOnlyValue = explicitValue(mirror, "readOnly");
        int maxBytes = maxValue == null ? 1 << 20 : (Integer) maxValue.getValue();
        boolean readOnly = readOnlyValue != null && (Boolean) readOnlyValue.getValue();
        if (maxBytes <= 0) {
            messager.printMessage(Diagnostic.Kind.ERROR, callback.display() + " maxBytes must be positive, not "
                    + maxBytes, method, mirror, maxValue);
            errors = true;
            return null;
        }
        return new PluginModel.WholeBody(maxBytes, readOnly);
    }

    private boolean isType(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED && typeName(type).equals(qualifiedName);
    }

    private static String typeName(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        }
        return type.toString();
    }

    private AnnotationMirror pluginMirror(TypeElement plugin) {
        return mirror(plugin, GlueProcessor.PLUGIN_ANNOTATION);
    }

    private static AnnotationMirror mirror(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (typeName(mirror.getAnnotationType()).equals(annotation)) {
                return mirror;
            }
        }
        return null;
    }

    private void error(Element element, AnnotationMirror mirror, String message) {
        errors = true;
        if (mirror == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
        }
    }
}
