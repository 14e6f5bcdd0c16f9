package dev.proxywasm.teavm.maven;

import dev.proxywasm.validator.Symbol;
import dev.proxywasm.validator.ValidationReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Compiles the plugin to {@code target/<artifactId>.wasm} right after {@code compile}, so tests can
 * load the module, and fails the build if Envoy would refuse it.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class BuildMojo extends AbstractMojo {
    /** Where the module is written. */
    @Parameter(property = "proxywasm.output", defaultValue = "${project.build.directory}/${project.artifactId}.wasm")
    private File output;

    /**
     * Initial heap in MiB. Every Envoy worker holds one VM per plugin, so the heap starts small and
     * grows only when the plugin needs it (up to {@code maxHeapMiB}).
     */
    @Parameter(property = "proxywasm.minHeapMiB", defaultValue = "1")
    private int minHeapMiB;

    /** Maximum heap in MiB: the linear memory limit of the plugin in each Envoy worker. */
    @Parameter(property = "proxywasm.maxHeapMiB", defaultValue = "128")
    private int maxHeapMiB;

    /** TeaVM optimisation level: SIMPLE, ADVANCED (smallest) or FULL. */
    @Parameter(property = "proxywasm.optimization", defaultValue = "ADVANCED")
    private String optimization;

    /** The class TeaVM starts from; by default the glue the annotation processor generated. */
    @Parameter(property = "proxywasm.mainClass")
    private String mainClass;

    /**
     * Keeps Java method names in the module (a wasm name section): a trap in Envoy then prints them
     * in its backtrace, and a V8 profile is readable. Off by default: it roughly doubles the size.
     */
    @Parameter(property = "proxywasm.debugNames", defaultValue = "false")
    private boolean debugNames;

    /** Skips the WebAssembly build. */
    @Parameter(property = "proxywasm.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The modes the tests run in ({@code jvm}, {@code wasm} or both, comma-separated); without
     * {@code wasm} the module is not built: the JVM-only loop while editing a plugin.
     */
    @Parameter(property = "proxywasm.modes", defaultValue = "jvm,wasm")
    private String modes;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("proxy-wasm build skipped");
            return;
        }
        generateGlueIfJavacDidNot();
        copyConfigurationSchema();
        if (!modes.toLowerCase(Locale.ROOT).contains("wasm")) {
            // A module from an earlier build no longer matches these classes: nothing may ship it.
            boolean removed = output.delete();
            getLog().info("proxy-wasm build skipped: -Dproxywasm.modes=" + modes + " runs the tests on the JVM only;"
                    + " no module is written" + (removed ? " (the earlier " + output.getName() + " is removed)" : ""));
            return;
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        String main = mainClass != null && !mainClass.isBlank() ? mainClass : readMainClass(classes);
        Path target = Path.of(project.getBuild().getDirectory());
        WasmBuild build = new WasmBuild(classPath(), main, output.toPath(), target.resolve("proxy-wasm"))
                .heap(minHeapMiB, maxHeapMiB)
                .debugNames(debugNames)
                .optimization(TeaVMOptimizationLevel.valueOf(optimization.toUpperCase(Locale.ROOT)));
        getLog().info("Compiling " + main + " to WebAssembly with TeaVM (WASI)...");
        long started = System.nanoTime();
        WasmBuild.Result result;
        try {
            result = build.run(line -> getLog().warn(line));
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("proxy-wasm build failed: " + e, e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!result.compileErrors().isEmpty()) {
            result.compileErrors().forEach(getLog()::error);
            throw new MojoFailureException("TeaVM could not compile the plugin; see the errors above");
        }
        report(result.report(), result.module().length, millis);
        result.sizeHints().forEach(hint -> getLog().warn("Size: " + hint));
        if (result.report().hasErrors()) {
            throw new MojoFailureException(output.getName() + " would not load in Envoy:\n  "
                    + String.join("\n  ", result.report().errors()));
        }
        recordModuleForTests();
        projectHelper.attachArtifact(project, "wasm", null, output);
    }

    private void copyConfigurationSchema() throws MojoExecutionException {
        try {
            Path classes = Path.of(project.getBuild().getOutputDirectory());
            Path target = Path.of(project.getBuild().getDirectory());
            Path copy = ConfigurationSchema.copy(classes, target, project.getArtifactId());
            if (copy != null) {
                getLog().info("Wrote " + target.getParent().relativize(copy)
                        + " (the JSON Schema of the plugin configuration)");
            }
            Path table = ConfigurationSchema.copyTable(classes, target, project.getArtifactId());
            if (table != null) {
                getLog().info("Wrote " + target.getParent().relativize(table)
                        + " (the plugin configuration as a Markdown table, for the README)");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("could not copy the configuration's JSON Schema: " + e, e);
        }
    }

    private void generateGlueIfJavacDidNot() throws MojoExecutionException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<Path> roots = project.getCompileSourceRoots().stream().map(Path::of).toList();
        Path generated = Path.of(project.getBuild().getDirectory(), "generated-sources", "proxy-wasm");
        String release = project.getProperties().getProperty("maven.compiler.release",
                project.getProperties().getProperty("maven.compiler.target"));
        try {
            new GlueGeneration(classes, roots, classPath(), generated, release).ensure(getLog()::info);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Tells sdk-testing's {@code [wasm]} runs where the module is, relative to the test classes, so a
     * copied project finds its own module.
     */
    private void recordModuleForTests() throws MojoExecutionException {
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory()).toAbsolutePath();
        Path record = testClasses.resolve("META-INF/proxy-wasm/module-path");
        Path module = output.toPath().toAbsolutePath();
        String location;
        try {
            location = testClasses.relativize(module).toString().replace(File.separatorChar, '/');
        } catch (IllegalArgumentException e) {
            location = module.toString(); // another file system root: only an absolute path reaches it
        }
        try {
            Files.createDirectories(record.getParent());
            Files.writeString(record, location + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + record, e);
        }
    }

    private void report(ValidationReport report, int size, long millis) {
        getLog().info(String.format(Locale.ROOT, "Wrote %s (%,d bytes) in %.1f s", relative(output.toPath()), size,
                millis / 1000.0));
        getLog().info("Imports: " + String.join(", ", names(report.imports())));
        if (getLog().isDebugEnabled()) {
            report.exports().forEach(e -> getLog().debug("export " + e));
        }
        report.warnings().forEach(getLog()::warn);
    }

    /** {@code env.proxy_log}: an import without its signature. */
    private static List<String> names(List<Symbol> imports) {
        return imports.stream().map(i -> i.module() + "." + i.name()).toList();
    }

    private String relative(Path path) {
        Path base = project.getBasedir().toPath();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    private List<File> classPath() throws MojoExecutionException {
        try {
            List<File> files = new ArrayList<>();
            for (String element : project.getCompileClasspathElements()) {
                files.add(new File(element));
            }
            return files;
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the compile classpath", e);
        }
    }

    private static String readMainClass(Path classes) throws MojoFailureException {
        Path resource = classes.resolve("META-INF/proxy-wasm/main-class");
        if (!Files.isRegularFile(resource)) {
            throw new MojoFailureException("no @ProxyWasmPlugin class was compiled: " + resource + " is missing."
                    + " Annotate the plugin class with @dev.proxywasm.api.ProxyWasmPlugin and depend on"
                    + " dev.proxywasm:sdk-api, whose annotation processor generates the exports.");
        }
        try {
            return Files.readString(resource, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new MojoFailureException("cannot read " + resource + ": " + e.getMessage());
        }
    }
}
