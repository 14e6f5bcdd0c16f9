package dev.proxywasm.it.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import dev.proxywasm.api.json.Json;
import dev.proxywasm.teavm.maven.OciPublisher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * custom-errors pushed to a real registry (Debian's docker-registry, started by scripts/registry),
 * then pulled back as Istio's image fetcher pulls it: manifest and layer media types, the layer's
 * one file {@code plugin.wasm} equal to the module, and the digest.
 */
class PushToRegistryTest {
    private static final String REGISTRY = System.getProperty("proxywasm.test.registry", "127.0.0.1:5000");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path module;

    /** Starts the registry with scripts/registry when none answers, so that mvn install alone works. */
    @BeforeAll
    static void registryIsUp() throws Exception {
        module = Path.of(System.getProperty("module.custom-errors"));
        if (answers()) {
            return;
        }
        String script = System.getProperty("registry.script");
        Process start = new ProcessBuilder("bash", script).redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (start.waitFor() != 0 || !answers()) {
            throw new IllegalStateException("no registry answers at " + REGISTRY + " and " + script
                    + " could not start one (it installs Debian's docker-registry, which needs apt and root or sudo): "
                    + output);
        }
    }

    private static boolean answers() throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://" + REGISTRY + "/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void pushedImageHoldsThePluginAsIstioExpects(ImageFormat format) throws Exception {
        String repository = "proxy-wasm-it/custom-errors";
        String tag = format.name().toLowerCase() + "-" + System.nanoTime();

        // A loopback registry answers over plain HTTP without -Dproxywasm.allowInsecureRegistries.
        OciPublisher.Pushed pushed = OciPublisher.push(module, REGISTRY + "/" + repository + ":" + tag,
                Optional.empty(), false, format, "9.9.9-test");

        HttpResponse<byte[]> manifestResponse = get("/v2/" + repository + "/manifests/" + tag,
                "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json");
        byte[] manifestBytes = manifestResponse.body();
        String digest = "sha256:" + sha256(manifestBytes);
        assertEquals(pushed.imageDigest(), digest);
        assertEquals(Optional.of(digest), manifestResponse.headers().firstValue("Docker-Content-Digest"));

        Map<String, Object> manifest = Json.parseObject(new String(manifestBytes, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) manifest.get("layers");
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) manifest.get("config");
        assertEquals(1, layers.size());
        if (format == ImageFormat.OCI) {
            assertEquals("application/vnd.oci.image.manifest.v1+json", manifest.get("mediaType"));
            assertEquals("application/vnd.oci.image.config.v1+json", config.get("mediaType"));
            assertEquals("application/vnd.oci.image.layer.v1.tar+gzip", layers.get(0).get("mediaType"));
        } else {
            assertEquals("application/vnd.docker.distribution.manifest.v2+json", manifest.get("mediaType"));
            assertEquals("application/vnd.docker.container.image.v1+json", config.get("mediaType"));
            assertEquals("application/vnd.docker.image.rootfs.diff.tar.gzip", layers.get(0).get("mediaType"));
        }

        Map<String, Object> imageConfig = Json.parseObject(new String(
                get("/v2/" + repository + "/blobs/" + config.get("digest"), "*/*").body(), StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) imageConfig.get("history");
        assertEquals("proxy-wasm-maven-plugin:9.9.9-test", history.get(0).get("created_by"));

        byte[] layer = get("/v2/" + repository + "/blobs/" + layers.get(0).get("digest"), "*/*").body();
        Map<String, byte[]> files = untar(new GZIPInputStream(new ByteArrayInputStream(layer)).readAllBytes());
        assertEquals(List.of("plugin.wasm"), List.copyOf(files.keySet()));
        assertArrayEquals(Files.readAllBytes(module), files.get("plugin.wasm"));
        assertEquals(sha256(Files.readAllBytes(module)), pushed.moduleSha256());
    }

    @org.junit.jupiter.api.Test
    void aRegistryThatDoesNotAnswerFailsInSecondsSayingSo() {
        long started = System.nanoTime();

        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> OciPublisher.push(module, "127.0.0.1:1/proxy-wasm-it/nowhere:1", Optional.empty(), false,
                        ImageFormat.OCI, "test"));

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        org.junit.jupiter.api.Assertions.assertTrue(seconds < 20, "took " + seconds + " s");
        String explained = OciPublisher.explain(failure, "127.0.0.1:1");
        org.junit.jupiter.api.Assertions.assertTrue(explained.startsWith("nothing answers at 127.0.0.1:1"), explained);
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + REGISTRY + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }

    /** Regular files of a tar archive by name, without a leading "./" or "/". */
    private static Map<String, byte[]> untar(byte[] tar) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int pos = 0;
        while (pos + 512 <= tar.length && tar[pos] != 0) {
            String name = new String(tar, pos, 100, StandardCharsets.UTF_8).replace("\0", "");
            long size = Long.parseLong(new String(tar, pos + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            char type = (char) tar[pos + 156];
            if (type == '0' || type == 0) {
                byte[] data = new byte[(int) size];
                System.arraycopy(tar, pos + 512, data, 0, data.length);
                files.put(name.replaceFirst("^\\./", "").replaceFirst("^/", ""), data);
            }
            pos += 512 + (int) ((size + 511) / 512 * 512);
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
