package dev.proxywasm.teavm.maven;

import dev.proxywasm.devproxy.DevProxy;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn package proxy-wasm:run}: serves http://127.0.0.1:18000 through the plugin's module
 * until interrupted, with a built-in upstream unless {@code proxywasm.upstream} names one.
 */
@Mojo(name = "run", threadSafe = true)
public final class RunMojo extends AbstractMojo {
    @Parameter(property = "proxywasm.output", defaultValue = "${project.build.directory}/${project.artifactId}.wasm")
    private File module;

    /** The plugin configuration as JSON text. */
    @Parameter(property = "proxywasm.config")
    private String config;

    /** The plugin configuration from a JSON file, if {@code proxywasm.config} is not set. */
    @Parameter(property = "proxywasm.pluginConfig", defaultValue = "${project.basedir}/src/main/wasm/plugin-config.json")
    private File configFile;

    @Parameter(property = "proxywasm.port", defaultValue = "18000")
    private int port;

    /** Where requests go after the plugin; by default a built-in upstream (/status/503 answers 503). */
    @Parameter(property = "proxywasm.upstream")
    private String upstream;

    /** Callout clusters: {@code <clusters><auth>http://127.0.0.1:9000</auth></clusters>}. */
    @Parameter
    private Map<String, String> clusters = new LinkedHashMap<>();

    /** After a trap, pass requests untouched instead of answering 503. */
    @Parameter(property = "proxywasm.failOpen", defaultValue = "false")
    private boolean failOpen;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!module.isFile()) {
            throw new MojoFailureException(module + " does not exist; run mvn package proxy-wasm:run");
        }
        Map<String, URI> clusterUris = new LinkedHashMap<>();
        clusters.forEach((name, url) -> clusterUris.put(name, URI.create(url)));
        try {
            String configuration = config != null ? config
                    : configFile.isFile() ? Files.readString(configFile.toPath(), StandardCharsets.UTF_8) : null;
            try (DevProxy proxy = DevProxy.start(new DevProxy.Options(module.toPath(), configuration, "127.0.0.1", port,
                    upstream == null ? null : URI.create(upstream), clusterUris, failOpen), System.out)) {
                getLog().info("Serving http://127.0.0.1:" + proxy.port() + " through " + module.getName() + " -> "
                        + proxy.upstream() + "; Ctrl-C stops");
                proxy.join();
            }
        } catch (DevProxy.StartFailure e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the configuration: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new MojoExecutionException("the development proxy failed: " + e, e);
        }
    }
}
