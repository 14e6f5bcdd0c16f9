package dev.proxywasm.teavm.maven;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Pushes a module as the image Istio's {@code WasmPlugin} pulls: one {@code tar+gzip} layer whose
 * only file is {@code /plugin.wasm}, in an OCI (or Docker) image manifest, built with Jib — no
 * Docker daemon. Timestamps are fixed, so the same module always gives the same digest.
 */
public final class OciPublisher {
    /** What was pushed: the image digest (for {@code url: oci://…@sha256:…}) and the module's own SHA-256. */
    public record Pushed(String image, String imageDigest, String moduleSha256) {}

    private OciPublisher() {}

    /** How long Jib waits for a registry to connect or answer, unless {@code -Djib.httpTimeout} says. */
    static final String HTTP_TIMEOUT_MILLIS = "10000";

    /**
     * Pushes {@code module} to {@code image} ({@code registry/repository:tag}). A registry on a
     * loopback address may answer over plain HTTP without asking (it is the local registry of a
     * developer or a test); any other needs {@code insecure}.
     *
     * @param credentials username and password, or empty for anonymous access
     * @param insecure allow plain HTTP and self-signed TLS
     * @param toolVersion this plugin's version, recorded as the image's {@code created_by}
     */
    public static Pushed push(Path module, String image, Optional<String[]> credentials, boolean insecure,
            ImageFormat format, String toolVersion) throws Exception {
        ImageReference reference = ImageReference.parse(image);
        RegistryImage target = RegistryImage.named(reference);
        credentials.ifPresent(c -> target.addCredentialRetriever(credentialOf(c[0], c[1])));
        String previousTimeout = System.getProperty("jib.httpTimeout");
        if (previousTimeout == null) {
            System.setProperty("jib.httpTimeout", HTTP_TIMEOUT_MILLIS);
        }
        try {
            JibContainer container = Jib.fromScratch()
                    .setFormat(format)
                    .setCreationTime(Instant.EPOCH)
                    .addFileEntriesLayer(FileEntriesLayer.builder()
                            .addEntry(module, AbsoluteUnixPath.get("/plugin.wasm"), Instant.EPOCH)
                            .build())
                    .containerize(Containerizer.to(target)
                            .setAllowInsecureRegistries(insecure || isLoopback(reference.getRegistry()))
                            .setToolName("proxy-wasm-maven-plugin")
                            .setToolVersion(toolVersion));
            return new Pushed(reference.toString(), container.getDigest().toString(), sha256(module));
        } finally {
            if (previousTimeout == null) {
                System.clearProperty("jib.httpTimeout");
            }
        }
    }

    /** Whether {@code registry} ({@code host[:port]}) is this machine: localhost, 127.0.0.0/8 or [::1]. */
    static boolean isLoopback(String registry) {
        String host = registry.startsWith("[") ? registry.substring(1, Math.max(1, registry.indexOf(']')))
                : registry.contains(":") ? registry.substring(0, registry.indexOf(':')) : registry;
        return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d+\\.\\d+\\.\\d+");
    }

    /**
     * What went wrong with a push, in one line that says what to do: the flag for a plain-HTTP or
     * self-signed registry, the credentials for a refusal, the address for a registry that does not
     * answer.
     */
    public static String explain(Throwable failure, String registry) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.endsWith("InsecureRegistryException") || t instanceof javax.net.ssl.SSLException) {
                return registry + " did not answer over trusted HTTPS (a plain-HTTP registry, or a self-signed"
                        + " certificate); if that is expected, push with -Dproxywasm.allowInsecureRegistries=true";
            }
            if (type.endsWith("RegistryUnauthorizedException") || type.endsWith("RegistryCredentialsNotSentException")) {
                return registry + " refused the push: give credentials in a settings.xml <server> whose id is "
                        + registry + ", or in PROXYWASM_REGISTRY_USERNAME and PROXYWASM_REGISTRY_PASSWORD";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "no host named " + registry + " is known here; check the image name";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.NoRouteToHostException) {
                return "nothing answers at " + registry + " (" + t.getMessage() + ")";
            }
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    private static CredentialRetriever credentialOf(String username, String password) {
        return () -> Optional.of(com.google.cloud.tools.jib.api.Credential.from(username, password));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
