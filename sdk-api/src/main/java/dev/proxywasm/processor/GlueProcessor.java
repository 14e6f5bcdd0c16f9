package dev.proxywasm.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates {@code <Plugin>_ProxyWasm}, the proxy-wasm exports of the module's
 * {@code @ProxyWasmPlugin} class, and records its name in {@value #MAIN_CLASS_RESOURCE} for the
 * build. Every problem is reported at the offending element; {@code process} never throws.
 */
public final class GlueProcessor extends AbstractProcessor {
    /** Resource naming the generated class, which the build compiles to WebAssembly. */
    public static final String MAIN_CLASS_RESOURCE = "META-INF/proxy-wasm/main-class";

    /** Resource naming the plugin class, whose own static {@code @Export} methods the JVM emulator also calls. */
    public static final String PLUGIN_CLASS_RESOURCE = "META-INF/proxy-wasm/plugin-class";

    /** Resource holding the JSON Schema of the plugin's {@code @PluginConfiguration} record, when it has one. */
    public static final String CONFIGURATION_SCHEMA_RESOURCE = ConfigSchemaWriter.RESOURCE;

    /** Resource holding the same configuration as a Markdown table, for the plugin's README. */
    public static final String CONFIGURATION_TABLE_RESOURCE = ConfigTableWriter.RESOURCE;

    static final String PLUGIN_ANNOTATION = Callback.API + ".ProxyWasmPlugin";

    private final List<TypeElement> plugins = new ArrayList<>();
    private final List<Element> handlerMethods = new ArrayList<>();
    private final List<Element> configurations = new ArrayList<>();
    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> names = new LinkedHashSet<>();
        names.add(PLUGIN_ANNOTATION);
        names.add(ConfigModelReader.CONFIGURATION);
        for (Callback callback : Callback.values()) {
            names.add(callback.annotation);
        }
        return names;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            collect(round);
            if (round.processingOver() || generated || (plugins.isEmpty() && handlerMethods.isEmpty())) {
                return false;
            }
            ModelReader reader = new ModelReader(processingEnv);
            PluginModel model = reader.read(plugins, handlerMethods);
            if (model != null && !reader.hasErrors()) {
                new GlueWriter(model).write(processingEnv.getFiler());
                writeMainClassResource(model);
                warnOfConfigurationsNotTaken(model);
                generated = true;
            }
            plugins.clear();
            handlerMethods.clear();
            configurations.clear();
        } catch (IOException | RuntimeException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "proxy-wasm could not generate the plugin's exports: " + e);
        }
        return false;
    }

    private void collect(RoundEnvironment round) {
        TypeElement pluginAnnotation = processingEnv.getElementUtils().getTypeElement(PLUGIN_ANNOTATION);
        if (pluginAnnotation == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(pluginAnnotation)) {
            plugins.add((TypeElement) element);
        }
        TypeElement configuration = processingEnv.getElementUtils().getTypeElement(ConfigModelReader.CONFIGURATION);
        if (configuration != null) {
            configurations.addAll(round.getElementsAnnotatedWith(configuration));
        }
        for (Callback callback : Callback.values()) {
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(callback.annotation);
            if (annotation != null) {
                handlerMethods.addAll(round.getElementsAnnotatedWith(annotation));
            }
        }
    }

    /**
     * A {@code @PluginConfiguration} record that {@code @OnPluginStart} does not take gets no parser
     * and no schema: most likely the handler still takes {@code Configuration}.
     */
    private void warnOfConfigurationsNotTaken(PluginModel model) {
        for (Element record : configurations) {
            if (model.configuration() == null || !model.configuration().root().type().equals(record)) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, "@PluginConfiguration record "
                        + record.getSimpleName() + " is not the parameter of the @OnPluginStart method, so no parser"
                        + " and no schema are generated for it; take it there, or remove the annotation", record);
            }
        }
    }

    private void writeMainClassResource(PluginModel model) throws IOException {
        writeResource(MAIN_CLASS_RESOURCE, GlueWriter.glueName(model.plugin()), model);
        writeResource(PLUGIN_CLASS_RESOURCE,
                processingEnv.getElementUtils().getBinaryName(model.plugin()).toString(), model);
        if (model.configuration() != null) {
            String schema = new ConfigSchemaWriter(model.configuration()).schema();
            writeResource(CONFIGURATION_SCHEMA_RESOURCE, schema.substring(0, schema.length() - 1), model);
            String table = new ConfigTableWriter(model.configuration()).table();
            writeResource(CONFIGURATION_TABLE_RESOURCE, table.substring(0, table.length() - 1), model);
        }
    }

    private void writeResource(String name, String content, PluginModel model) throws IOException {
        FileObject resource = processingEnv.getFiler().createResource(
                StandardLocation.CLASS_OUTPUT, "", name, model.plugin());
        try (Writer writer = resource.openWriter()) {
            writer.write(content + "\n");
        }
    }
}
