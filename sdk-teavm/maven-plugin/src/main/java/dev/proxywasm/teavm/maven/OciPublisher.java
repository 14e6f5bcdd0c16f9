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

    /**
     * Pushes {@code module} to {@code image} ({@code registry/repository:tag}).
     *
     * @param credentials username and password, or empty for anonymous access
     * @param insecure allow plain HTTP and self-signed TLS (a registry on localhost)
     */
    public static Pushed push(Path module, String image, Optional<String[]> credentials, boolean insecure,
            ImageFormat format) throws Exception {
        ImageReference reference = ImageReference.parse(image);
        RegistryImage target = RegistryImage.named(reference);
        credentials.ifPresent(c -> target.addCredentialRetriever(credentialOf(c[0], c[1])));
        JibContainer container = Jib.fromScratch()
                .setFormat(format)
                .setCreationTime(Instant.EPOCH)
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .addEntry(module, AbsoluteUnixPath.get("/plugin.wasm"), Instant.EPOCH)
                        .build())
                .containerize(Containerizer.to(target)
                        .setAllowInsecureRegistries(insecure)
                        .setToolName("proxy-wasm-maven-plugin"));
        return new Pushed(reference.toString(), container.getDigest().toString(), sha256(module));
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
