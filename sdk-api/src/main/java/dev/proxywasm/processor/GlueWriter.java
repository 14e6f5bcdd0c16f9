package dev.proxywasm.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
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
 * it: an escaping exception would trap the VM.
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
    private static final ClassName FAILURE_POLICY = ClassName.get(Callback.API, "FailurePolicy");
    private static final ClassName WHOLE_BODY = ClassName.get(RUNTIME, "WholeBody");

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
        type.addMethod(export("proxy_abi_version_0_2_1", "proxyAbiVersion021", TypeName.VOID).build());
        type.addMethod(export("_initialize", "initialize", TypeName.VOID)
                .addComment("Envoy calls this first; it must not call the host.").build());
        type.addMethod(allocator("malloc", "malloc"));
        type.addMethod(allocator("proxy_on_memory_allocate", "proxyOnMemoryAllocate"));
        type.addMethod(contextCreate());
        for (Handler handler : model.handlers()) {
            switch (handler.callback()) {
                case WHOLE_REQUEST_BODY, WHOLE_RESPONSE_BODY -> wholeBodyExports(handler).forEach(type::addMethod);
                default -> type.addMethod(callback(handler));
            }
        }
        type.addMethod(guarded(export("proxy_on_delete", "proxyOnDelete", TypeName.VOID)
                .addParameter(int.class, "contextId"), "proxy_on_delete", "contextId",
                CodeBlock.of("$T.delete(contextId);\n", CONTEXTS), null, CodeBlock.of("$S", "the stream's release")));
        JavaFile.builder(packageOf(model.plugin()), type.build())
                .skipJavaLangImports(true)
                .build()
                .writeTo(filer);
    }

    private static MethodSpec.Builder export(String exportName, String methodName, TypeName returns) {
        return MethodSpec.methodBuilder(methodName)
                .addAnnotation(AnnotationSpec.builder(EXPORT).addMember("name", "$S", exportName).build())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(returns);
    }

    private static MethodSpec allocator(String exportName, String methodName) {
        return export(exportName, methodName, TypeName.INT)
                .addParameter(int.class, "size")
                .beginControlFlow("try")
                .addStatement("return $T.allocate(size)", PLATFORM)
                .nextControlFlow("catch ($T e)", Throwable.class)
                .addComment("No host call is allowed here; 0 tells the host the allocation failed.")
                .addStatement("return 0")
                .endControlFlow()
                .build();
    }

    private MethodSpec contextCreate() {
        CodeBlock.Builder body = CodeBlock.builder()
                .beginControlFlow("if (parentContextId == 0)")
                .addStatement("$T.bindHost()", PLATFORM)
                .addStatement("$T.configure($S, $T.$L)", GUARD, ModelReader.nestedName(model.plugin()), FAILURE_POLICY,
                        model.failOpen() ? "FAIL_OPEN" : "FAIL_CLOSED")
                .addStatement("$T.putRoot(contextId, new $T())", CONTEXTS, plugin)
                .nextControlFlow("else");
        CodeBlock root = CodeBlock.of("(($T) $T.root(parentContextId))", plugin, CONTEXTS);
        switch (model.creation()) {
            case SHARED_PLUGIN -> body.addStatement("$T.putStream(contextId, $L)", CONTEXTS, root);
            case INNER -> body.addStatement("$T.putStream(contextId, $L.new $L())", CONTEXTS, root,
                    model.stream().getSimpleName());
            case WITH_PLUGIN -> body.addStatement("$T.putStream(contextId, new $T($L))", CONTEXTS, streamState, root);
            case NO_ARGUMENTS -> body.addStatement("$T.putStream(contextId, new $T())", CONTEXTS, streamState);
        }
        body.endControlFlow();
        String pluginConstructor = "new " + ModelReader.nestedName(model.plugin()) + "()";
        String streamConstructor = model.stream() == null ? pluginConstructor
                : "new " + ModelReader.nestedName(model.stream()) + "()";
        CodeBlock constructor = pluginConstructor.equals(streamConstructor) ? CodeBlock.of("$S", pluginConstructor)
                : CodeBlock.of("parentContextId == 0 ? $S : $S", pluginConstructor, streamConstructor);
        return guarded(export("proxy_on_context_create", "proxyOnContextCreate", TypeName.VOID)
                .addParameter(int.class, "contextId")
                .addParameter(int.class, "parentContextId"), "proxy_on_context_create", "contextId", body.build(), null,
                constructor);
    }

    private MethodSpec callback(Handler handler) {
        Callback callback = handler.callback();
        String method = javaName(callback.export);
        CodeBlock name = CodeBlock.of("$S", handler.displayName());
        return switch (callback) {
            case VM_START, PLUGIN_START -> guarded(export(callback.export, method, TypeName.INT)
                            .addParameter(int.class, "rootContextId")
                            .addParameter(int.class, "configurationSize"), callback.export, "rootContextId",
                    startCall(handler, "rootContextId"), "startFailed", name);
            case PLUGIN_DONE -> guarded(export(callback.export, method, TypeName.INT)
                            .addParameter(int.class, "contextId"), callback.export, "contextId",
                    CodeBlock.builder()
                            .beginControlFlow("if ($T.isRoot(contextId))", CONTEXTS)
                            .add(startCall(handler, "contextId"))
                            .nextControlFlow("else")
                            .addStatement("result = 1")
                            .endControlFlow()
                            .build(), "doneFailed", name);
            case REQUEST_HEADERS, RESPONSE_HEADERS -> headersExport(callback, handler, wholeBodyOf(callback));
            case REQUEST_BODY, RESPONSE_BODY -> guarded(
                    export(callback.export, method, TypeName.INT)
                            .addParameter(int.class, "contextId")
                            .addParameter(int.class, "bodySize")
                            .addParameter(int.class, "endOfStream"), callback.export, "contextId",
                    actionCall(handler, "bodySize"),
                    callback == Callback.RESPONSE_BODY ? "resetStream" : "failStream", name);
            case REQUEST_TRAILERS, RESPONSE_TRAILERS -> trailersExport(callback, handler, wholeBodyOf(callback));
            case TICK -> guarded(export(callback.export, method, TypeName.VOID)
                            .addParameter(int.class, "rootContextId"), callback.export, "rootContextId",
                    pluginCall(handler, "rootContextId"), null, name);
            case QUEUE_READY -> guarded(export(callback.export, method, TypeName.VOID)
                            .addParameter(int.class, "rootContextId").addParameter(int.class, "queueId"),
                    callback.export, "rootContextId", pluginCall(handler, "rootContextId"), null, name);
            case FOREIGN_FUNCTION -> guarded(export(callback.export, method, TypeName.VOID)
                            .addParameter(int.class, "rootContextId").addParameter(int.class, "functionId")
                            .addParameter(int.class, "argumentsSize"),
                    callback.export, "rootContextId", pluginCall(handler, "rootContextId"), null, name);
            case NEW_CONNECTION -> guarded(export(callback.export, method, TypeName.INT)
                            .addParameter(int.class, "contextId"), callback.export, "contextId",
                    actionCall(handler, null), "closeConnection", name);
            case DOWNSTREAM_DATA, UPSTREAM_DATA -> guarded(export(callback.export, method, TypeName.INT)
                            .addParameter(int.class, "contextId").addParameter(int.class, "dataSize")
                            .addParameter(int.class, "endOfStream"), callback.export, "contextId",
                    actionCall(handler, "dataSize"), "closeConnection", name);
            case DOWNSTREAM_CLOSE, UPSTREAM_CLOSE -> guarded(export(callback.export, method, TypeName.VOID)
                            .addParameter(int.class, "contextId").addParameter(int.class, "peerType"),
                    callback.export, "contextId", CodeBlock.builder()
                            .addStatement("$L.$L($L)", stream(), handler.method(), arguments(handler, null))
                            .build(), null, name);
            case WHOLE_REQUEST_BODY, WHOLE_RESPONSE_BODY -> throw new IllegalArgumentException("see wholeBodyExports");
            case STREAM_DONE -> guarded(export(callback.export, method, TypeName.VOID)
                            .addParameter(int.class, "contextId"), callback.export, "contextId",
                    CodeBlock.builder()
                            .beginControlFlow("if (!$T.isRoot(contextId))", CONTEXTS)
                            .addStatement("$L.$L($L)", stream(), handler.method(), arguments(handler, null))
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
        CodeBlock body = CodeBlock.builder()
                .addStatement("result = $T.onBody(contextId, $L, bodySize, endOfStream != 0, $L)", WHOLE_BODY, response,
                        whole.wholeBody().maxBytes())
                .beginControlFlow("if (result == $T.DELIVER)", WHOLE_BODY)
                .add(actionCall(whole, "bodySize"))
                .endControlFlow()
                .build();
        String export = whole.callback().export;
        exports.add(guarded(export(export, javaName(export), TypeName.INT)
                        .addParameter(int.class, "contextId")
                        .addParameter(int.class, "bodySize")
                        .addParameter(int.class, "endOfStream"), export, "contextId", body,
                response ? "resetStream" : "failStream", CodeBlock.of("$S", whole.displayName())));
        if (model.handler(trailers) == null) {
            exports.add(trailersExport(trailers, null, whole));
        }
        return exports;
    }

    /** A headers export: the handler (if any), after removing the length a whole-body handler may change. */
    private MethodSpec headersExport(Callback callback, Handler handler, Handler whole) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (whole != null && !whole.wholeBody().readOnly()) {
            body.addStatement("$L.remove($S)", headers(callback), "content-length");
        }
        body.add(handler == null ? CodeBlock.builder().addStatement("result = 0").build()
                : actionCall(handler, "headerCount"));
        return guarded(export(callback.export, javaName(callback.export), TypeName.INT)
                        .addParameter(int.class, "contextId")
                        .addParameter(int.class, "headerCount")
                        .addParameter(int.class, "endOfStream"), callback.export, "contextId", body.build(),
                "failStream", CodeBlock.of("$S", (handler != null ? handler : whole).displayName()));
    }

    /**
     * A trailers export: first the whole-body handler, if the body still awaits it (trailers ended
     * it), then the trailers handler; either one pausing pauses the stream.
     */
    private MethodSpec trailersExport(Callback callback, Handler handler, Handler whole) {
        CodeBlock.Builder body = CodeBlock.builder();
        String failure = callback == Callback.RESPONSE_TRAILERS ? "resetStream" : "failStream";
        if (whole == null) {
            body.add(actionCall(handler, "trailerCount"));
        } else {
            boolean response = whole.callback() == Callback.WHOLE_RESPONSE_BODY;
            body.addStatement("int wholeBody = 0")
                    .beginControlFlow("if ($T.onTrailers(contextId, $L))", WHOLE_BODY, response)
                    .add(actionCall(whole, CodeBlock.of("$L.size()", body(whole.callback())), "wholeBody"))
                    .endControlFlow();
            if (handler == null) {
                body.addStatement("result = wholeBody");
            } else {
                body.add(actionCall(handler, "trailerCount"))
                        .beginControlFlow("if (wholeBody != 0)")
                        .addStatement("result = wholeBody")
                        .endControlFlow();
            }
        }
        String names = handler == null ? whole.displayName()
                : whole == null ? handler.displayName() : whole.displayName() + " or " + handler.displayName();
        return guarded(export(callback.export, javaName(callback.export), TypeName.INT)
                        .addParameter(int.class, "contextId")
                        .addParameter(int.class, "trailerCount"), callback.export, "contextId", body.build(),
                failure, CodeBlock.of("$S", names));
    }

    /** Calls a void plugin-class handler. */
    private CodeBlock pluginCall(Handler handler, String contextVariable) {
        return CodeBlock.builder().addStatement("(($T) $T.root($L)).$L($L)", plugin, CONTEXTS, contextVariable,
                handler.method(), arguments(handler, null)).build();
    }

    /** Assigns {@code result}: 1 for success, 0 for failure. */
    private CodeBlock startCall(Handler handler, String contextVariable) {
        CodeBlock call = CodeBlock.of("(($T) $T.root($L)).$L($L)", plugin, CONTEXTS, contextVariable,
                handler.method(), arguments(handler, null));
        if (handler.returnsValue()) {
            return CodeBlock.builder().addStatement("result = $L ? 1 : 0", call).build();
        }
        return CodeBlock.builder().addStatement("$L", call).addStatement("result = 1").build();
    }

    /** Assigns {@code result}: the returned action's wire code, or continue for a void handler. */
    private CodeBlock actionCall(Handler handler, Object count) {
        return actionCall(handler, count, "result");
    }

    /** Assigns {@code target}: the returned action's wire code, or continue for a void handler. */
    private CodeBlock actionCall(Handler handler, Object count, String target) {
        CodeBlock call = CodeBlock.of("$L.$L($L)", stream(), handler.method(), arguments(handler, count));
        if (handler.returnsValue()) {
            return CodeBlock.builder().addStatement("$L = $T.action($L)", target, RESULTS, call).build();
        }
        return CodeBlock.builder().addStatement("$L", call).addStatement("$L = 0", target).build();
    }

    private CodeBlock stream() {
        return CodeBlock.of("(($T) $T.stream(contextId))", streamState, CONTEXTS);
    }

    private CodeBlock arguments(Handler handler, Object countVariable) {
        CodeBlock.Builder args = CodeBlock.builder();
        String separator = "";
        for (Argument argument : handler.arguments()) {
            args.add(separator);
            separator = ", ";
            switch (argument) {
                case HEADERS -> args.add(headers(handler.callback()));
                case BODY -> args.add(body(handler.callback()));
                case STREAM -> args.add("$T.httpStream(contextId)", ARGUMENTS);
                case CONNECTION -> args.add("$T.connection(contextId)", ARGUMENTS);
                case PEER -> args.add("$T.peer(peerType)", ARGUMENTS);
                case QUEUE -> args.add("$T.byId(queueId)", REGISTERED_QUEUES);
                case FOREIGN_FUNCTION -> args.add("new $T(functionId)", FOREIGN_FUNCTION_ID);
                case FOREIGN_ARGUMENTS -> args.add("$T.read(argumentsSize)", FOREIGN_FUNCTION_ARGUMENTS);
                case PLUGIN_CONFIGURATION -> args.add("$T.pluginConfiguration(configurationSize)", ARGUMENTS);
                case VM_CONFIGURATION -> args.add("$T.vmConfiguration(configurationSize)", ARGUMENTS);
                case COUNT -> args.add("$L", countVariable);
                case END_OF_STREAM -> args.add("endOfStream != 0");
            }
        }
        return args.build();
    }

    /**
     * Runs {@code body} with the callback's context current and no {@link Throwable} escaping: the
     * {@code Guard} method named {@code guard} logs the failure with {@code method} (the plugin
     * method, for the log) and applies the plugin's failure policy. With a {@code guard}, the body
     * assigns {@code int result} and the guard's value replaces it on failure; without one the export
     * is void and the failure is only logged. There is deliberately no {@code finally} and no
     * {@code return} inside {@code try}: TeaVM 0.13.1 emits invalid WebAssembly for a value returned
     * through {@code finally}.
     */
    private static MethodSpec guarded(MethodSpec.Builder method, String exportName, String contextVariable,
            CodeBlock body, String guard, CodeBlock pluginMethod) {
        method.addStatement("int previous = $T.enter($L)", CALLBACK_CONTEXT, contextVariable);
        if (guard != null) {
            method.addStatement("int result");
        }
        method.beginControlFlow("try").addCode(body).nextControlFlow("catch ($T e)", Throwable.class);
        if (guard == null) {
            method.addStatement("$T.failed($S, $L, e)", GUARD, exportName, pluginMethod);
        } else {
            method.addStatement("result = $T.$L($S, $L, e)", GUARD, guard, exportName, pluginMethod);
        }
        method.endControlFlow().addStatement("$T.exit(previous)", CALLBACK_CONTEXT);
        if (guard != null) {
            method.addStatement("return result");
        }
        return method.build();
    }

    /** The handle of the callback's own body buffer. */
    private static CodeBlock body(Callback callback) {
        return switch (callback) {
            case REQUEST_BODY, WHOLE_REQUEST_BODY -> CodeBlock.of("$T.httpStream(contextId).requestBody()", ARGUMENTS);
            case RESPONSE_BODY, WHOLE_RESPONSE_BODY -> CodeBlock.of("$T.httpStream(contextId).responseBody()",
                    ARGUMENTS);
            case DOWNSTREAM_DATA -> CodeBlock.of("$T.connection(contextId).downstreamData()", ARGUMENTS);
            case UPSTREAM_DATA -> CodeBlock.of("$T.connection(contextId).upstreamData()", ARGUMENTS);
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
        return CodeBlock.of("$T.httpStream(contextId).$L()", ARGUMENTS, map);
    }

    /** {@code proxy_on_request_headers} → {@code proxyOnRequestHeaders}. */
    private static String javaName(String export) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : export.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
