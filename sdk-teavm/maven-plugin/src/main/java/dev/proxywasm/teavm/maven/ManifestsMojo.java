package dev.proxywasm.teavm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code target/wasmplugin.yaml} (Istio) and {@code target/envoy-http-filter.yaml} (Envoy)
 * for the module. With {@code proxywasm.imageDigest} (what {@code push} prints) the
 * {@code WasmPlugin} pins the image; for {@code http(s)://} and {@code file://} URLs it pins the
 * module's own SHA-256.
 */
@Mojo(name = "manifests", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ManifestsMojo extends AbstractMojo {
    @Parameter(property = "proxywasm.output", defaultValue = "${project.build.directory}/${project.artifactId}.wasm")
    private File module;

    /** Where Istio fetches the module: oci://registry/repository:tag, https://… or file://… */
    @Parameter(property = "proxywasm.url", defaultValue = "oci://registry.example.com/${project.artifactId}:${project.version}")
    private String url;

    /** The pushed image's digest ({@code sha256:…}), pinned in the WasmPlugin for oci:// URLs. */
    @Parameter(property = "proxywasm.imageDigest")
    private String imageDigest;

    /** The plugin configuration, a JSON file; becomes pluginConfig and Envoy's configuration. */
    @Parameter(property = "proxywasm.pluginConfig", defaultValue = "${project.basedir}/src/main/wasm/plugin-config.json")
    private File pluginConfig;

    @Parameter(property = "proxywasm.pluginName", defaultValue = "${project.artifactId}")
    private String pluginName;

    @Parameter(property = "proxywasm.namespace", defaultValue = "istio-system")
    private String namespace;

    /** AUTHN, AUTHZ, STATS or UNSPECIFIED_PHASE. */
    @Parameter(property = "proxywasm.phase", defaultValue = "STATS")
    private String phase;

    /** FAIL_OPEN or FAIL_CLOSE: what a failed VM does to requests. */
    @Parameter(property = "proxywasm.failStrategy", defaultValue = "FAIL_OPEN")
    private String failStrategy;

    /** Workload selector labels, e.g. {@code <app>istio-ingressgateway</app>}. */
    @Parameter
    private Map<String, String> selector = new LinkedHashMap<>();

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File target;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ModuleCheck.requireValid(module, "proxy-wasm:manifests");
        try {
            String config = pluginConfig.isFile() ? Files.readString(pluginConfig.toPath(), StandardCharsets.UTF_8) : null;
            String sha256 = url.startsWith("oci://")
                    ? (imageDigest == null ? null : imageDigest.replaceFirst("^sha256:", ""))
                    : OciPublisher.sha256(module.toPath());
            Path wasmPlugin = target.toPath().resolve("wasmplugin.yaml");
            Files.writeString(wasmPlugin, Manifests.wasmPlugin(new Manifests.WasmPlugin(pluginName, namespace, url,
                    sha256, phase, failStrategy, selector, config)), StandardCharsets.UTF_8);
            Path envoy = target.toPath().resolve("envoy-http-filter.yaml");
            Files.writeString(envoy, Manifests.envoyHttpFilter(pluginName, module.getAbsolutePath(), config,
                    failStrategy.equals("FAIL_OPEN")), StandardCharsets.UTF_8);
            getLog().info("Wrote " + wasmPlugin + " and " + envoy);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the manifests: " + e.getMessage(), e);
        }
    }
}
