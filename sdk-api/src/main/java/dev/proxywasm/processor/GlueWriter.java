package dev.proxywasm.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.proxywasm.abi.Action;
import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.Signature.ValueType;
import dev.proxywasm.processor.PluginModel.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Writes the export class for a {@link PluginModel}. The only class that touches JavaPoet. Every
 * export is a one-liner into the plugin or the runtime, wrapped so that no {@link Throwable} leaves
 * it: an escaping exception would trap the VM. Each export's name, parameters and result come from
 * the ABI table ({@link GuestExport}); its parameters are named as the ABI names them.
 */
final class GlueWriter {
    private static final String RUNTIME = "dev.proxywasm.runtime";
    private static final ClassName EXPORT = ClassName.get(RUNTIME, "Export");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName PLATFORM = ClassName.get(RUNTIME, "Platform");
    private static final ClassName CONTEXTS = ClassName.get(RUNTIME, "Contexts");
    private static final ClassName GUARD = ClassName.get(RUNTIME, "Guard");
    private static final ClassName CALLBACK_CONTEXT = ClassName.get(RUNTIME, "CallbackContext");
    private static final ClassName ARGUMENTS = ClassName.get(RUNTIME, "CallbackArguments");
    private static final ClassName RESULTS = ClassName.get(RUNTIME, "CallbackResults");
    private static final ClassName REGISTERED_QUEUES = ClassName.get(RUNTIME, "RegisteredQueues");
    private static final ClassName FOREIGN_FUNCTION_ID = ClassName.get(Callback.API, "ForeignFunction", "Id");
    private static final ClassName FOREIGN_FUNCTION_ARGUMENTS = ClassName.get(RUNTIME, "ForeignFunctionArguments");
    private static final ClassName WHOLE_BODY = ClassName.get(RUNTIME, "WholeBody");

    /** Where a callback's values are in its parameters: first the context. */
    private static final int CONTEXT = 0;
    /** Second, what the callback reports: a count, a size, an id, the peer or the configuration's size. */
    private static final int REPORTED = 1;
    /** Third, end of stream in stream callbacks. */
    private static final int END_OF_STREAM = 2;
    /** Third in {@code proxy_on_foreign_function}: the size of the arguments. */
    private static final int ARGUMENTS_SIZE = 2;
    /** What a stream callback returns to let the stream go on. */
    private static final int CONTINUE = Action.CONTINUE.code();

    private final PluginModel model;
    private final ClassName plugin;
    private final ClassName streamState;

    GlueWriter(PluginModel model) {
        this.model = model;
        this.plugin = ClassName.get(model.plugin());
        this.streamState = model.stream() == null ? plugin : ClassName.get(model.stream());
    }

    /** {@code com.example.MyPlugin_ProxyWasm} for {@code com.example.MyPlugin}. */
    static String glueName(TypeElement plugin) {
        String packageName = packageOf(plugin);
        return packageName.isEmpty() ? simpleGlueName(plugin) : packageName + "." + simpleGlueName(plugin);
    }

    private static String simpleGlueName(TypeElement plugin) {
        StringBuilder name = new StringBuilder(plugin.getSimpleName());
        for (Element e = plugin.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            name.insert(0, e.getSimpleName() + "_");
        }
        return name + "_ProxyWasm";
    }

    private static String packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }

    void write(Filer filer) throws IOException {
        TypeSpec.Builder type = TypeSpec.classBuilder(simpleGlueName(model.plugin()))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(model.plugin())
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", GlueProcessor.class.getName()).build())
                .addJavadoc("The proxy-wasm exports of {@link $T}, generated at compile time.\n", plugin)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("main")
                        .addJavadoc("TeaVM's entry point; the host never runs it.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(String[].class, "args")
                        .build());
        if (model.stream() != null) {
            type.addOriginatingElement(model.stream());
        }
        type.addMethod(exportMethod(GuestExport.ABI_MARKER, TypeName.VOID).build());
        type.addMethod(export(GuestExport.INITIALIZE)
                .addComment("Envoy calls this first; it must not call the host.").build());
        type.addMethod(allocator(GuestExport.MALLOC));
        type.addMethod(allocator(GuestExport.PROXY_ON_MEMORY_ALLOCATE));
        type.addMethod(contextCreate());
        for (Handler handler : model.handlers()) {
            switch (handler.callback()) {
                case WHOLE_REQUEST_BODY, WHOLE_RESPONSE_BODY -> wholeBodyExports(handler).forEach(type::addMethod);
                default -> type.addMethod(callback(handler));
            }
        }
        if (model.configuration() != null) {
            new ConfigParserWriter(model.configuration()).methods().forEach(type::addMethod);
        }
        GuestExport delete = GuestExport.PROXY_ON_DELETE;
        type.addMethod(guarded(delete, CodeBlock.of("$T.delete($L);\n", CONTEXTS, parameter(delete, CONTEXT)), null,
                CodeBlock.of("$S", "the stream's release")));
        JavaFile.builder(packageOf(model.plugin()), type.build())
                .skipJavaLangImports(true)
                .build()
                .writeTo(filer);
    }

    /** The export's method as the ABI table declares it: its name, its parameters and its result. */
    private static MethodSpec.Builder export(GuestExport export) {
        List<ValueType> results = export.signature().results();
        MethodSpec.Builder method = exportMethod(export.abiName(),
                results.isEmpty() ? TypeName.VOID : javaType(results.get(0)));
        List<ValueType> params = export.signature().params();
        for (int i = 0; i < params.size(); i++) {
            method.addParameter(javaType(params.get(i)), parameter(export, i));
        }
        return method;
    }

    private static MethodSpec.Builder exportMethod(String exportName, TypeName returns) {
        return MethodSpec.methodBuilder(javaName(exportName))
                .addAnnotation(AnnotationSpec.builder(EXPORT).addMember("name", "$S", exportName).build())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(returns);
    }

    private static TypeName javaType(ValueType type) {
        return switch (type) {
            case I32 -> TypeName.INT;
            case I64 -> TypeName.LONG;
        };
    }

    /** The Java name of an export's parameter, from the ABI's: {@code num_headers} is {@code numHeaders}. */
    private static String parameter(GuestExport export, int index) {
        return javaName(export.parameters().get(index).name());
    }

    private static MethodSpec allocator(GuestExport export) {
        return export(export)
                .beginControlFlow("try")
                .addStatement("return $T.allocate($L)", PLATFORM, parameter(export, 0))
                .nextControlFlow("catch ($T e)", Throwable.class)
                .addComment("No host call is allowed here; 0 tells the host the allocation failed.")
                .addStatement("return 0")
                .endControlFlow()
                .build();
    }

    private MethodSpec contextCreate() {
        GuestExport export = GuestExport.PROXY_ON_CONTEXT_CREATE;
        String context = parameter(export, CONTEXT);
        String parent = parameter(export, REPORTED);
        CodeBlock.Builder body = CodeBlock.builder()
                .beginControlFlow("if ($L == 0)", parent)
                .addStatement("$T.bindHost()", PLATFORM)
                .addStatement("$T.configure($S, $L)", GUARD, ModelReader.nestedName(model.plugin()), model.failOpen())
                .addStatement("$T.putRoot($L, new $T())", CONTEXTS, context, plugin)
                .nextControlFlow("else");
        CodeBlock root = CodeBlock.of("(($T) $T.root($L))", plugin, CONTEXTS, parent);
        switch (model.creation()) {
            case SHARED_PLUGIN -> body.addStatement("$T.putStream($L, $L)", CONTEXTS, context, root);
            case INNER -> body.addStatement("$T.putStream($L, $L.new $L())", CONTEXTS, context, root,
                    model.stream().getSimpleName());
            case WITH_PLUGIN -> body.addStatement("$T.putStream($L, new $T($L))", CONTEXTS, context, streamState,
                    root);
            case NO_ARGUMENTS -> body.addStatement("$T.putStream($L, new $T())", CONTEXTS, context, streamState);
        }
        body.endControlFlow();
        String pluginConstructor = "new " + ModelReader.nestedName(model.plugin()) + "()";
        String streamConstructor = model.stream() == null ? pluginConstructor
                : "new " + ModelReader.nestedName(model.stream()) + "()";
        CodeBlock constructor = pluginConstructor.equals(streamConstructor) ? CodeBlock.of("$S", pluginConstructor)
                : CodeBlock.of("$L == 0 ? $S : $S", parent, pluginConstructor, streamConstructor);
        return guarded(export, body.build(), null, constructor);
    }

    private MethodSpec callback(Handler handler) {
        Callback callback = handler.callback();
        GuestExport export = callback.export;
        String context = parameter(export, CONTEXT);
        CodeBlock name = CodeBlock.of("$S", handler.displayName());
        return switch (callback) {
            case VM_START, PLUGIN_START -> guarded(export, startCall(handler, export), "startFailed", name);
            case PLUGIN_DONE -> guarded(export, CodeBlock.builder()
                    .beginControlFlow("if ($T.isRoot($L))", CONTEXTS, context)
                    .add(startCall(handler, export))
                    .nextControlFlow("else")
                    .addStatement("result = 1")
                    .endControlFlow()
                    .build(), "doneFailed", name);
            case REQUEST_HEADERS, RESPONSE_HEADERS -> headersExport(callback, handler, wholeBodyOf(callback));
            case REQUEST_BODY, RESPONSE_BODY -> guarded(export, actionCall(handler, export, null, "result"),
                    callback == Callback.RESPONSE_BODY ? "resetStream" : "failStream", name);
            case REQUEST_TRAILERS, RESPONSE_TRAILERS -> trailersExport(callback, handler, wholeBodyOf(callback));
            case TICK, QUEUE_READY, FOREIGN_FUNCTION -> guarded(export, pluginCall(handler, export), null, name);
            case NEW_CONNECTION, DOWNSTREAM_DATA, UPSTREAM_DATA -> guarded(export,
                    actionCall(handler, export, null, "result"), "closeConnection", name);
            case DOWNSTREAM_CLOSE, UPSTREAM_CLOSE -> guarded(export, CodeBlock.builder()
                    .addStatement("$L.$L($L)", stream(export), handler.method(), arguments(handler, export, null))
                    .build(), null, name);
            case WHOLE_REQUEST_BODY, WHOLE_RESPONSE_BODY -> throw new IllegalArgumentException("see wholeBodyExports");
            case STREAM_DONE -> guarded(export, CodeBlock.builder()
                    .beginControlFlow("if (!$T.isRoot($L))", CONTEXTS, context)
                    .addStatement("$L.$L($L)", stream(export), handler.method(), arguments(handler, export, null))
                    .endControlFlow()
                    .build(), null, name);
        };
    }

    /** The whole-body handler of the direction a headers or trailers callback belongs to, or null. */
    private Handler wholeBodyOf(Callback callback) {
        boolean response = callback == Callback.RESPONSE_HEADERS || callback == Callback.RESPONSE_TRAILERS;
        return model.handler(response ? Callback.WHOLE_RESPONSE_BODY : Callback.WHOLE_REQUEST_BODY);
    }

    /**
     * The body export of a whole-body handler, and the headers and trailers exports of its direction
     * that no handler of their own generates: the trailers export delivers a body that trailers end,
     * the headers export removes {@code content-length} unless the handler is read-only.
     */
    private List<MethodSpec> wholeBodyExports(Handler whole) {
        boolean response = whole.callback() == Callback.WHOLE_RESPONSE_BODY;
        Callback headers = response ? Callback.RESPONSE_HEADERS : Callback.REQUEST_HEADERS;
        Callback trailers = response ? Callback.RESPONSE_TRAILERS : Callback.REQUEST_TRAILERS;
        List<MethodSpec> exports = new ArrayList<>();
        if (model.handler(headers) == null && !whole.wholeBody().readOnly()) {
            exports.add(headersExport(headers, null, whole));
        }
        GuestExport export = whole.callback().export;
        CodeBlock body = CodeBlock.builder()
                .addStatement("result = $T.onBody($L, $L, $L, $L != 0, $L)", WHOLE_BODY, parameter(export, CONTEXT),
                        response, parameter(export, REPORTED), parameter(export, END_OF_STREAM),
                        whole.wholeBody().maxBytes())
                .beginControlFlow("if (result == $T.DELIVER)", WHOLE_BODY)
                .add(actionCall(whole, export, null, "result"))
                .endControlFlow()
                .build();
        exports.add(guarded(export, body, response ? "resetStream" : "failStream",
                CodeBlock.of("$S", whole.displayName())));
        if (model.handler(trailers) == null) {
            exports.add(trailersExport(trailers, null, whole));
        }
        return exports;
    }

    /** A headers export: the handler (if any), after removing the length a whole-body handler may change. */
    private MethodSpec headersExport(Callback callback, Handler handler, Handler whole) {
        GuestExport export = callback.export;
        CodeBlock.Builder body = CodeBlock.builder();
        if (whole != null && !whole.wholeBody().readOnly()) {
            body.addStatement("$L.remove($S)", headers(callback), "content-length");
        }
        body.add(handler == null ? CodeBlock.builder().addStatement("result = $L", CONTINUE).build()
                : actionCall(handler, export, null, "result"));
        return guarded(export, body.build(), "failStream",
                CodeBlock.of("$S", (handler != null ? handler : whole).displayName()));
    }

    /**
     * A trailers export: first the whole-body handler, if the body still awaits it (trailers ended
     * it), then the trailers handler; either one pausing pauses the stream.
     */
    private MethodSpec trailersExport(Callback callback, Handler handler, Handler whole) {
        GuestExport export = callback.export;
        CodeBlock.Builder body = CodeBlock.builder();
        String failure = callback == Callback.RESPONSE_TRAILERS ? "resetStream" : "failStream";
        if (whole == null) {
            body.add(actionCall(handler, export, null, "result"));
        } else {
            boolean response = whole.callback() == Callback.WHOLE_RESPONSE_BODY;
            body.addStatement("int wholeBody = $L", CONTINUE)
                    .beginControlFlow("if ($T.onTrailers($L, $L))", WHOLE_BODY, parameter(export, CONTEXT), response)
                    .add(actionCall(whole, export, CodeBlock.of("$L.size()", body(whole.callback())), "wholeBody"))
                    .endControlFlow();
            if (handler == null) {
                body.addStatement("result = wholeBody");
            } else {
                body.add(actionCall(handler, export, null, "result"))
                        .beginControlFlow("if (wholeBody != $L)", CONTINUE)
                        .addStatement("result = wholeBody")
                        .endControlFlow();
            }
        }
        String names = handler == null ? whole.displayName()
                : whole == null ? handler.displayName() : whole.displayName() + " or " + handler.displayName();
        return guarded(export, body.build(), failure, CodeBlock.of("$S", names));
    }

    /** Calls a void plugin-class handler. */
    private CodeBlock pluginCall(Handler handler, GuestExport export) {
        return CodeBlock.builder().addStatement("(($T) $T.root($L)).$L($L)", plugin, CONTEXTS,
                parameter(export, CONTEXT), handler.method(), arguments(handler, export, null)).build();
    }

    /** Assigns {@code result}: 1 for success, 0 for failure. */
    private CodeBlock startCall(Handler handler, GuestExport export) {
        CodeBlock call = CodeBlock.of("(($T) $T.root($L)).$L($L)", plugin, CONTEXTS, parameter(export, CONTEXT),
                handler.method(), arguments(handler, export, null));
        if (handler.arguments().contains(Argument.TYPED_CONFIGURATION)) {
            // A rejected configuration was logged with its JSON path; the plugin does not start.
            return CodeBlock.builder()
                    .addStatement("$T configuration = $L($T.pluginConfiguration($L).bytes())",
                            ClassName.get(model.configuration().root().type()), ConfigParserWriter.ENTRY, ARGUMENTS,
                            parameter(export, REPORTED))
                    .beginControlFlow("if (configuration == null)")
                    .addStatement("result = 0")
                    .nextControlFlow("else")
                    .add(plainStartCall(handler, call))
                    .endControlFlow()
                    .build();
        }
        return plainStartCall(handler, call);
    }

    private static CodeBlock plainStartCall(Handler handler, CodeBlock call) {
        if (handler.returnsValue()) {
            return CodeBlock.builder().addStatement("result = $L ? 1 : 0", call).build();
        }
        return CodeBlock.builder().addStatement("$L", call).addStatement("result = 1").build();
    }

    /**
     * Assigns {@code target}: the returned action's wire code, or continue for a void handler. The
     * handler's count is {@code count}, or what the export reports when that is null.
     */
    private CodeBlock actionCall(Handler handler, GuestExport export, CodeBlock count, String target) {
        CodeBlock call = CodeBlock.of("$L.$L($L)", stream(export), handler.method(), arguments(handler, export, count));
        if (handler.returnsValue()) {
            return CodeBlock.builder().addStatement("$L = $T.action($L)", target, RESULTS, call).build();
        }
        return CodeBlock.builder().addStatement("$L", call).addStatement("$L = $L", target, CONTINUE).build();
    }

    private CodeBlock stream(GuestExport export) {
        return CodeBlock.of("(($T) $T.stream($L))", streamState, CONTEXTS, parameter(export, CONTEXT));
    }

    /** The handler's arguments in {@code export}: from the export's parameters, as the author types. */
    private CodeBlock arguments(Handler handler, GuestExport export, CodeBlock count) {
        String context = parameter(export, CONTEXT);
        CodeBlock.Builder args = CodeBlock.builder();
        String separator = "";
        for (Argument argument : handler.arguments()) {
            args.add(separator);
            separator = ", ";
            switch (argument) {
                case HEADERS -> args.add(headers(handler.callback()));
                case BODY -> args.add(body(handler.callback()));
                case STREAM -> args.add("$T.httpStream($L)", ARGUMENTS, context);
                case CONNECTION -> args.add("$T.connection($L)", ARGUMENTS, context);
                case PEER -> args.add("$T.peer($L)", ARGUMENTS, parameter(export, REPORTED));
                case QUEUE -> args.add("$T.byId($L)", REGISTERED_QUEUES, parameter(export, REPORTED));
                case FOREIGN_FUNCTION -> args.add("new $T($L)", FOREIGN_FUNCTION_ID, parameter(export, REPORTED));
                case FOREIGN_ARGUMENTS -> args.add("$T.read($L)", FOREIGN_FUNCTION_ARGUMENTS,
                        parameter(export, ARGUMENTS_SIZE));
                case PLUGIN_CONFIGURATION -> args.add("$T.pluginConfiguration($L)", ARGUMENTS,
                        parameter(export, REPORTED));
                case VM_CONFIGURATION -> args.add("$T.vmConfiguration($L)", ARGUMENTS, parameter(export, REPORTED));
                case TYPED_CONFIGURATION -> args.add("configuration");
                case COUNT -> args.add("$L", count != null ? count : parameter(export, REPORTED));
                case END_OF_STREAM -> args.add("$L != 0", parameter(export, END_OF_STREAM));
            }
        }
        return args.build();
    }

    /**
     * The export's method, running {@code body} with the callback's context current and no
     * {@link Throwable} escaping: the {@code Guard} method named {@code guard} logs the failure with
     * {@code method} (the plugin method, for the log) and applies the plugin's failure policy. With a
     * {@code guard}, the body assigns {@code int result} and the guard's value replaces it on failure;
     * without one the export is void and the failure is only logged. There is deliberately no
     * {@code finally} and no {@code return} inside {@code try}: TeaVM 0.13.1 emits invalid WebAssembly
     * for a value returned through {@code finally}.
     */
    private static MethodSpec guarded(GuestExport export, CodeBlock body, String guard, CodeBlock pluginMethod) {
        MethodSpec.Builder method = export(export);
        method.addStatement("int previous = $T.enter($L)", CALLBACK_CONTEXT, parameter(export, CONTEXT));
        if (guard != null) {
            method.addStatement("int result");
        }
        method.beginControlFlow("try").addCode(body).nextControlFlow("catch ($T e)", Throwable.class);
        if (guard == null) {
            method.addStatement("$T.failed($S, $L, e)", GUARD, export.abiName(), pluginMethod);
        } else {
            method.addStatement("result = $T.$L($S, $L, e)", GUARD, guard, export.abiName(), pluginMethod);
        }
        method.endControlFlow().addStatement("$T.exit(previous)", CALLBACK_CONTEXT);
        if (guard != null) {
            method.addStatement("return result");
        }
        return method.build();
    }

    /** The handle of the callback's own body buffer. */
    private static CodeBlock body(Callback callback) {
        String context = parameter(callback.export, CONTEXT);
        return switch (callback) {
            case REQUEST_BODY, WHOLE_REQUEST_BODY -> CodeBlock.of("$T.httpStream($L).requestBody()", ARGUMENTS,
                    context);
            case RESPONSE_BODY, WHOLE_RESPONSE_BODY -> CodeBlock.of("$T.httpStream($L).responseBody()", ARGUMENTS,
                    context);
            case DOWNSTREAM_DATA -> CodeBlock.of("$T.connection($L).downstreamData()", ARGUMENTS, context);
            case UPSTREAM_DATA -> CodeBlock.of("$T.connection($L).upstreamData()", ARGUMENTS, context);
            default -> throw new IllegalArgumentException(callback.name());
        };
    }

    /** The handle of the callback's own header map. */
    private static CodeBlock headers(Callback callback) {
        String map = switch (callback) {
            case REQUEST_HEADERS -> "requestHeaders";
            case REQUEST_TRAILERS -> "requestTrailers";
            case RESPONSE_HEADERS -> "responseHeaders";
            case RESPONSE_TRAILERS -> "responseTrailers";
            default -> throw new IllegalArgumentException(callback.name());
        };
        return CodeBlock.of("$T.httpStream($L).$L()", ARGUMENTS, parameter(callback.export, CONTEXT), map);
    }

    /** {@code proxy_on_request_headers} is {@code proxyOnRequestHeaders}, {@code _initialize} is {@code initialize}. */
    private static String javaName(String abiName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : abiName.toCharArray()) {
            if (c == '_') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
