package dev.proxywasm.teavm.maven;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.File;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/**
 * Pushes the module as an OCI image that Istio's {@code WasmPlugin} accepts, and prints the digest
 * to pin in its {@code url}. Credentials come from the {@code settings.xml} server whose id is the
 * registry host, or from {@code PROXYWASM_REGISTRY_USERNAME}/{@code PROXYWASM_REGISTRY_PASSWORD};
 * never from the pom.
 */
@Mojo(name = "push", threadSafe = true)
public final class PushMojo extends AbstractMojo {
    /** The image to push, {@code registry/repository:tag}, e.g. {@code ghcr.io/acme/custom-errors:1.0.0}. */
    @Parameter(property = "proxywasm.image", required = true)
    private String image;

    /** The module the build wrote (checked first: it must exist, be valid and be newer than the classes). */
    @Parameter(property = "proxywasm.output", defaultValue = "${project.build.directory}/${project.artifactId}.wasm")
    private File module;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classes;

    /** OCI (default) or Docker image manifest; Istio accepts both. */
    @Parameter(property = "proxywasm.imageFormat", defaultValue = "OCI")
    private String imageFormat;

    /**
     * Allow plain HTTP or a self-signed certificate, for a registry that is not on this machine (one
     * on localhost, 127.0.0.0/8 or [::1] may answer over plain HTTP without it).
     */
    @Parameter(property = "proxywasm.allowInsecureRegistries", defaultValue = "false")
    private boolean allowInsecureRegistries;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ModuleCheck.requireValid(module, classes, "proxy-wasm:push");
        try {
            String registry = ImageReference.parse(image).getRegistry();
            OciPublisher.Pushed pushed = OciPublisher.push(module.toPath(), image, credentials(registry),
                    allowInsecureRegistries, ImageFormat.valueOf(imageFormat.toUpperCase(Locale.ROOT)), pluginVersion);
            getLog().info("Pushed " + pushed.image() + " (" + module.length() + " bytes of plugin.wasm)");
            getLog().info("  image digest:  " + pushed.imageDigest());
            getLog().info("  WasmPlugin:    url: oci://" + pushed.image() + "   sha256: "
                    + pushed.imageDigest().substring("sha256:".length()));
            getLog().info("  module sha256: " + pushed.moduleSha256() + " (for url: https://… or file://…)");
        } catch (MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            String registry = image.contains("/") ? image.substring(0, image.indexOf('/')) : image;
            throw new MojoFailureException("pushing " + image + " failed: " + OciPublisher.explain(e, registry));
        }
    }

    private Optional<String[]> credentials(String registry) {
        Server server = settings == null ? null : settings.getServer(registry);
        if (server != null && server.getUsername() != null) {
            return Optional.of(new String[] {server.getUsername(), server.getPassword()});
        }
        String user = System.getenv("PROXYWASM_REGISTRY_USERNAME");
        String password = System.getenv("PROXYWASM_REGISTRY_PASSWORD");
        return user == null ? Optional.empty() : Optional.of(new String[] {user, password});
    }
}
