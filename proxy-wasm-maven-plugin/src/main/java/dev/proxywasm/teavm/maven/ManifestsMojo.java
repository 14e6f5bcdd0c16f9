package dev.proxywasm.teavm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code target/wasmplugin.yaml} (Istio) and {@code target/envoy-http-filter.yaml} (Envoy)
 * for the module, safe to apply as written: scoped to the workloads of {@code selector} (a plugin
 * for every workload takes {@code -Dproxywasm.allWorkloads=true}), failing closed unless told
 * otherwise. With {@code proxywasm.imageDigest} (what {@code push} prints) the {@code WasmPlugin}
 * pins the image; for {@code http(s)://} and {@code file://} URLs it pins the module's own SHA-256.
 * A plugin configured by a {@code @PluginConfiguration} record gets its {@code plugin-config.json}
 * checked against the record's JSON Schema first: a violation fails the build, naming its path.
 */
@Mojo(name = "manifests", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ManifestsMojo extends AbstractMojo {
    /** The module the build wrote (checked first: it must exist, be valid and be newer than the classes). */
    @Parameter(property = "proxywasm.output", defaultValue = "${project.build.directory}/${project.artifactId}.wasm")
    private File module;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classes;

    /**
     * Where Istio fetches the module: {@code oci://registry/repository:tag} (as {@code push} prints
     * it), {@code https://…} or {@code file://…}. Required: a placeholder would be applied as is.
     */
    @Parameter(property = "proxywasm.url")
    private String url;

    /** The pushed image's digest ({@code sha256:…}), pinned in the WasmPlugin for oci:// URLs. */
    @Parameter(property = "proxywasm.imageDigest")
    private String imageDigest;

    /** The plugin configuration, a JSON file; becomes pluginConfig and Envoy's configuration. */
    @Parameter(property = "proxywasm.pluginConfig", defaultValue = "${project.basedir}/src/main/wasm/plugin-config.json")
    private File pluginConfig;

    /** The WasmPlugin's and the Envoy filter's name. */
    @Parameter(property = "proxywasm.pluginName", defaultValue = "${project.artifactId}")
    private String pluginName;

    /**
     * The WasmPlugin's namespace. Istio applies it to the selected workloads of this namespace;
     * in Istio's root namespace ({@code istio-system}), to the selected workloads of the whole mesh.
     */
    @Parameter(property = "proxywasm.namespace", defaultValue = "istio-system")
    private String namespace;

    /**
     * The workloads the plugin applies to, as labels: {@code <selector><app>orders</app></selector>}.
     * Required unless {@code allWorkloads} says, on purpose, that every workload gets it.
     */
    @Parameter
    private Map<String, String> selector = new LinkedHashMap<>();

    /**
     * Writes a WasmPlugin without a selector: every workload of the namespace, the whole mesh in
     * Istio's root namespace. Off by default, so that no plugin lands everywhere by omission.
     */
    @Parameter(property = "proxywasm.allWorkloads", defaultValue = "false")
    private boolean allWorkloads;

    /**
     * Where in the filter chain: {@code UNSPECIFIED_PHASE} (Istio's default: at the end, before the
     * router), {@code AUTHN}, {@code AUTHZ} or {@code STATS}.
     */
    @Parameter(property = "proxywasm.phase", defaultValue = "UNSPECIFIED_PHASE")
    private String phase;

    /** The order among plugins of the same phase: higher runs first. Unset: Istio's default. */
    @Parameter(property = "proxywasm.priority")
    private Integer priority;

    /**
     * What requests get when the plugin cannot run (it failed to load or trapped): {@code FAIL_CLOSE}
     * (the default, as Envoy's own: requests are refused) or {@code FAIL_OPEN} (they pass the
     * plugin untouched).
     */
    @Parameter(property = "proxywasm.failStrategy", defaultValue = "FAIL_CLOSE")
    private String failStrategy;

    /** {@code IfNotPresent} or {@code Always}; unset: Istio's default (Always for :latest). */
    @Parameter(property = "proxywasm.imagePullPolicy")
    private String imagePullPolicy;

    /** Where the Envoy snippet loads the module from, on the machine that runs Envoy. */
    @Parameter(property = "proxywasm.envoyModulePath", defaultValue = "/etc/envoy/${project.artifactId}.wasm")
    private String envoyModulePath;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File target;

    /** The configuration record's JSON Schema, which {@code build} puts next to the module (absent without one). */
    @Parameter(defaultValue = "${project.build.directory}/${project.artifactId}.schema.json", readonly = true)
    private File configurationSchema;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (url == null || url.isBlank()) {
            throw new MojoFailureException("proxywasm.url is not set: say where Istio fetches the module, e.g."
                    + " -Dproxywasm.url=oci://ghcr.io/acme/" + pluginName + ":1.0.0 -Dproxywasm.imageDigest=sha256:…"
                    + " (what proxy-wasm:push prints), or an https:// or file:// URL");
        }
        if (url.startsWith("oci://") && imageDigest == null) {
            getLog().warn("the WasmPlugin pulls " + url + " by tag alone: a tag can move, and each Envoy would then"
                    + " run whatever it pulls; pin it with -Dproxywasm.imageDigest=sha256:… (what proxy-wasm:push prints)");
        }
        String refusal = Manifests.digestRefusal(imageDigest);
        if (refusal == null) {
            refusal = Manifests.refusal(selector, allWorkloads, namespace, phase, failStrategy, imagePullPolicy);
        }
        if (refusal != null) {
            throw new MojoFailureException(refusal);
        }
        ModuleCheck.requireValid(module, classes, "proxy-wasm:manifests");
        Path wasmPlugin = target.toPath().resolve("wasmplugin.yaml");
        Path envoy = target.toPath().resolve("envoy-http-filter.yaml");
        try {
            String config = pluginConfig.isFile() ? Files.readString(pluginConfig.toPath(), StandardCharsets.UTF_8) : null;
            String refused = configurationRefusal(config);
            if (refused != null) {
                Files.deleteIfExists(wasmPlugin);
                Files.deleteIfExists(envoy);
                throw new MojoFailureException(refused);
            }
            String sha256 = url.startsWith("oci://")
                    ? (imageDigest == null ? null : imageDigest.replaceFirst("^sha256:", ""))
                    : OciPublisher.sha256(module.toPath());
            Files.writeString(wasmPlugin, Manifests.wasmPlugin(new Manifests.WasmPlugin(pluginName, namespace, url,
                    sha256, phase, priority, failStrategy, imagePullPolicy, selector, config)), StandardCharsets.UTF_8);
            Files.writeString(envoy, Manifests.envoyHttpFilter(pluginName, "target/" + module.getName(),
                    envoyModulePath, config, failStrategy.equals("FAIL_OPEN")), StandardCharsets.UTF_8);
            getLog().info("Wrote " + wasmPlugin + " and " + envoy);
            getLog().info("The WasmPlugin applies to " + (selector.isEmpty()
                    ? "every workload in " + namespace + (namespace.equals("istio-system") ? " (the whole mesh)" : "")
                    : "workloads labelled " + selector) + "; failStrategy " + failStrategy);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the manifests: " + e.getMessage(), e);
        }
    }

    /**
     * Why {@code config} must not go into the manifests, or null: the plugin reads its configuration
     * as a record and would refuse one that breaks the record's schema at start, and then every
     * request (failing closed), so it is refused here with each violation's JSON path. No schema
     * (no configuration record): nothing to check. No file, or a blank one, is checked as {@code {}},
     * which is how the plugin reads the empty configuration Envoy then passes.
     */
    private String configurationRefusal(String config) throws IOException {
        if (!configurationSchema.isFile()) {
            return null;
        }
        String schemaName = shown(configurationSchema);
        List<String> violations;
        try {
            violations = ConfigurationCheck.violations(Files.readString(configurationSchema.toPath(),
                    StandardCharsets.UTF_8), config == null || config.isBlank() ? "{}" : config);
        } catch (IllegalArgumentException e) {
            return shown(pluginConfig) + " cannot be checked against " + schemaName + ": " + e.getMessage();
        }
        String checked = shown(pluginConfig) + (config == null ? " (absent, read as {})"
                : config.isBlank() ? " (blank, read as {})" : "");
        if (violations.isEmpty()) {
            getLog().info(checked + " matches the configuration schema " + schemaName);
            return null;
        }
        return checked + " does not match the plugin's configuration schema " + schemaName
                + " (the plugin would refuse it at start), so no manifests were written:\n  "
                + String.join("\n  ", violations);
    }

    /** A file as the user knows it: relative to the project when inside it. */
    private String shown(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        Path base = basedir.toPath().toAbsolutePath().normalize();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

}
