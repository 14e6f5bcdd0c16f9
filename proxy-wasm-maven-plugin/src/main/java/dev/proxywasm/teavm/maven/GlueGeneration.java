package dev.proxywasm.teavm.maven;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Generates the plugin's glue when javac did not. From JDK 23 on, javac runs no annotation
 * processor found on the classpath unless the build asks for it; rather than make every plugin
 * project configure {@code <proc>}, the build runs the SDK's processor itself, then compiles its
 * output into the plugin's classes, before the tests and the WebAssembly build need them.
 */
final class GlueGeneration {
    static final String PROCESSOR = "dev.proxywasm.processor.GlueProcessor";
    static final String MAIN_CLASS_RESOURCE = "META-INF/proxy-wasm/main-class";
    static final String PLUGIN_ANNOTATION = "ProxyWasmPlugin";
    /** Class files of one javac run are written within this of one another. */
    private static final long SAME_RUN_MILLIS = 2_000;

    private final Path classes;
    private final List<Path> sourceRoots;
    private final List<File> classPath;
    private final Path generatedSources;
    private final String release;

    /**
     * @param classes the plugin's compiled classes, where the glue goes
     * @param sourceRoots the plugin's main source roots
     * @param classPath the compile classpath (with the SDK, whose jar holds the processor)
     * @param generatedSources where the glue's source is written
     * @param release the Java release the plugin is compiled for, or null for javac's default
     */
    GlueGeneration(Path classes, List<Path> sourceRoots, List<File> classPath, Path generatedSources, String release) {
        this.classes = classes;
        this.sourceRoots = List.copyOf(sourceRoots);
        this.classPath = List.copyOf(classPath);
        this.generatedSources = generatedSources;
        this.release = release;
    }

    /**
     * Runs the processor when the plugin's sources declare a plugin and the compiled glue is missing
     * or older than the classes javac just wrote; returns whether it ran.
     */
    boolean ensure(Consumer<String> log) throws IOException {
        List<Path> sources = pluginSources();
        if (sources.isEmpty() || upToDate()) {
            return false;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("the SDK's annotation processor did not run and this Java runtime has no javac to run"
                    + " it: build with a JDK");
        }
        log.accept("javac ran no annotation processor (JDK 23 and later run one only when asked): generating the"
                + " plugin's glue with " + PROCESSOR);
        Files.createDirectories(generatedSources);
        Files.createDirectories(classes);
        List<String> process = options("-proc:only", "-processor", PROCESSOR, "-s", generatedSources.toString());
        compile(javac, process, sources);
        List<Path> glue;
        try (Stream<Path> files = Files.walk(generatedSources)) {
            glue = files.filter(p -> p.getFileName().toString().endsWith("_ProxyWasm.java")).toList();
        }
        if (!glue.isEmpty()) {
            compile(javac, options("-proc:none"), glue);
        }
        return true;
    }

    private List<String> options(String... first) {
        List<String> options = new ArrayList<>(List.of(first));
        options.add("-d");
        options.add(classes.toString());
        options.add("-cp");
        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        classPath.forEach(f -> entries.add(f.getPath()));
        options.add(String.join(File.pathSeparator, entries));
        options.add("-implicit:none");
        options.add("-encoding");
        options.add("UTF-8");
        if (release != null && !release.isBlank()) {
            options.add("--release");
            options.add(release.trim());
        }
        return options;
    }

    private static void compile(JavaCompiler javac, List<String> options, List<Path> files) throws IOException {
        StringWriter out = new StringWriter();
        Boolean ok = javac.getTask(out, null, null, options, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjectsFromPaths(files))
                .call();
        if (!ok) {
            throw new IOException("generating the plugin's glue failed:\n" + out.toString().strip());
        }
    }

    /** Sources that mention the plugin annotation; javac sees them all, they only decide whether to run. */
    private List<Path> pluginSources() throws IOException {
        List<Path> all = new ArrayList<>();
        boolean declaresPlugin = false;
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root) || root.startsWith(generatedSources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.add(file);
                    declaresPlugin |= Files.readString(file, StandardCharsets.UTF_8).contains(PLUGIN_ANNOTATION);
                }
            }
        }
        return declaresPlugin ? all : List.of();
    }

    /** The glue exists and was compiled by the same javac run as the newest plugin class. */
    private boolean upToDate() throws IOException {
        Path resource = classes.resolve(MAIN_CLASS_RESOURCE);
        if (!Files.isRegularFile(resource)) {
            return false;
        }
        Path glue = classes.resolve(Files.readString(resource, StandardCharsets.UTF_8).trim().replace('.', '/') + ".class");
        if (!Files.isRegularFile(glue)) {
            return false;
        }
        long glueTime = Files.getLastModifiedTime(glue).toMillis();
        return ClassFiles.newerThan(classes, glueTime + SAME_RUN_MILLIS,
                f -> !f.getFileName().toString().contains("_ProxyWasm")) == null;
    }
}
