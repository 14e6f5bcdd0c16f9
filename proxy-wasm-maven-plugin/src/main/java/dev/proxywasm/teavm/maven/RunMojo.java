package dev.proxywasm.teavm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * {@code mvn package proxy-wasm:run}: serves http://127.0.0.1:18000 through the plugin's module
 * until interrupted, with a built-in upstream unless {@code proxywasm.upstream} names one.
 *
 * <p>The development proxy runs in a JVM of its own, on the classpath of
 * {@code dev.proxywasm:proxy-wasm-dev-proxy} (this plugin's version) as resolved from the
 * project's repositories, so that its libraries (Jetty, Chicory's compiler and the ASM it needs)
 * never meet this plugin's own (TeaVM, Jib). Its output goes to the console; Ctrl-C stops both.
 */
@Mojo(name = "run", threadSafe = true)
public final class RunMojo extends AbstractMojo {
    static final String DEV_PROXY_GROUP = "dev.proxywasm";
    static final String DEV_PROXY_ARTIFACT = "proxy-wasm-dev-proxy";
    static final String DEV_PROXY_MAIN = "dev.proxywasm.devproxy.Main";
    /** The system property with which the proxy watches this JVM and stops when it ends. */
    static final String PARENT_PROPERTY = "proxywasm.devproxy.parentPid";
    private static final String DEFAULT_CONFIG_FILE = "src/main/wasm/plugin-config.json";

    /** The module the build wrote (checked first: it must exist, be valid and be newer than the classes). */
    @Parameter(property = "proxywasm.output", defaultValue = "${project.build.directory}/${project.artifactId}.wasm")
    private File module;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classes;

    /** The plugin configuration as JSON text. */
    @Parameter(property = "proxywasm.config")
    private String config;

    /**
     * The plugin configuration from a JSON file, if {@code proxywasm.config} is not set; the default
     * file may be absent (no configuration).
     */
    @Parameter(property = "proxywasm.pluginConfig", defaultValue = "${project.basedir}/src/main/wasm/plugin-config.json")
    private File configFile;

    /** The port on 127.0.0.1, from 0 (a free one) to 65535. */
    @Parameter(property = "proxywasm.port", defaultValue = "18000")
    private String port;

    /** Where requests go after the plugin; by default a built-in upstream (/status/503 answers 503). */
    @Parameter(property = "proxywasm.upstream")
    private String upstream;

    /** Callout clusters: {@code <clusters><auth>http://127.0.0.1:9000</auth></clusters>}. */
    @Parameter
    private Map<String, String> clusters = new LinkedHashMap<>();

    /** After a trap, pass requests untouched instead of answering 503. */
    @Parameter(property = "proxywasm.failOpen", defaultValue = "false")
    private boolean failOpen;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ModuleCheck.requireValid(module, classes, "proxy-wasm:run");
        checkPort(port);
        List<String> arguments = arguments();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(devProxyClassPath());
        command.add(DEV_PROXY_MAIN);
        command.addAll(arguments);
        getLog().info("Starting the development proxy on http://127.0.0.1:" + port.trim() + " through "
                + module.getName() + " in its own JVM; Ctrl-C stops it");
        if (getLog().isDebugEnabled()) {
            getLog().debug("Command: " + String.join(" ", command));
        }
        run(command);
    }

    static void checkPort(String port) throws MojoFailureException {
        int value;
        try {
            value = Integer.parseInt(port == null ? "" : port.trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > 65535) {
            throw new MojoFailureException(
                    "proxywasm.port takes a number from 0 to 65535 (0 picks a free port), not " + port);
        }
    }

    /** The development proxy's command-line options for this goal's parameters. */
    private List<String> arguments() throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>();
        args.add("--module");
        args.add(module.getAbsolutePath());
        String configuration = configurationFile();
        if (configuration != null) {
            args.add("--config");
            args.add("@" + configuration);
        }
        args.add("--port");
        args.add(port.trim());
        if (upstream != null && !upstream.isBlank()) {
            args.add("--upstream");
            args.add(upstream.trim());
        }
        for (Map.Entry<String, String> cluster : clusters.entrySet()) {
            args.add("--cluster");
            args.add(cluster.getKey() + "=" + (cluster.getValue() == null ? "" : cluster.getValue().trim()));
        }
        if (failOpen) {
            args.add("--fail-open");
        }
        return args;
    }

    /**
     * The configuration as a file for {@code --config @file}: JSON text is written to one first, so
     * that no quoting of the command line can change it.
     */
    private String configurationFile() throws MojoExecutionException, MojoFailureException {
        if (config != null) {
            Path file = Path.of(project.getBuild().getDirectory(), "proxy-wasm", "run-config.json");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, config, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
            }
            return file.toAbsolutePath().toString();
        }
        if (configFile == null) {
            return null;
        }
        if (configFile.isFile()) {
            return configFile.getAbsolutePath();
        }
        // The conventional file is optional; one named on purpose must exist.
        Path conventional = project.getBasedir().toPath().resolve(DEFAULT_CONFIG_FILE).toAbsolutePath().normalize();
        if (!configFile.toPath().toAbsolutePath().normalize().equals(conventional)) {
            throw new MojoFailureException("the configuration file " + configFile + " (proxywasm.pluginConfig)"
                    + " does not exist");
        }
        return null;
    }

    /** {@code dev.proxywasm:proxy-wasm-dev-proxy} and its runtime dependencies, resolved as Maven does. */
    private String devProxyClassPath() throws MojoExecutionException {
        String coordinates = DEV_PROXY_GROUP + ":" + DEV_PROXY_ARTIFACT + ":" + plugin.getVersion();
        CollectRequest collect = new CollectRequest();
        collect.setRoot(new Dependency(new DefaultArtifact(coordinates), "runtime"));
        collect.setRepositories(project.getRemoteProjectRepositories());
        Set<String> scopes = Set.of("compile", "runtime", "");
        DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                || scopes.contains(node.getDependency().getScope());
        List<String> files = new ArrayList<>();
        try {
            for (ArtifactResult result : repositorySystem.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(collect, runtime)).getArtifactResults()) {
                files.add(result.getArtifact().getFile().getAbsolutePath());
            }
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("cannot resolve the development proxy " + coordinates + ": "
                    + e.getMessage(), e);
        }
        return String.join(File.pathSeparator, files);
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** Runs the proxy until it exits; a shutdown of this JVM (Ctrl-C) stops it too. */
    private void run(List<String> command) throws MojoExecutionException, MojoFailureException {
        Process child;
        try {
            child = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO().start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            stop(child);
        }, "proxy-wasm-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit;
        try {
            exit = child.waitFor();
        } catch (InterruptedException e) {
            stop(child);
            Thread.currentThread().interrupt();
            return;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        // 130 and 143: ended by SIGINT (Ctrl-C reaches the whole process group) or SIGTERM.
        if (exit == 0 || stopping.get() || exit == 130 || exit == 143) {
            getLog().info("The development proxy stopped");
            return;
        }
        throw new MojoFailureException("the development proxy exited with code " + exit
                + (exit == 1 || exit == 2 ? " (its reason is printed above)" : ""));
    }

    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
