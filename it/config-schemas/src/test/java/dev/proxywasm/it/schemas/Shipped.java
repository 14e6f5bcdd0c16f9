package dev.proxywasm.it.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The YAML files the project ships, with the archetype's template values filled in as a user's would be. */
final class Shipped {
    static final Path ROOT = Path.of(System.getProperty("repository.root", "../..")).normalize();
    static final Path ARCHETYPE = ROOT.resolve("proxy-wasm-plugin-archetype/src/main/resources/archetype-resources");

    private Shipped() {}

    /** Every sample's envoy.yaml, and the archetype's. */
    static List<Path> envoyConfigs() {
        try (Stream<Path> samples = Files.list(ROOT.resolve("samples"))) {
            List<Path> files = new java.util.ArrayList<>(samples.map(dir -> dir.resolve("envoy.yaml"))
                    .filter(Files::isRegularFile).sorted().toList());
            files.add(ARCHETYPE.resolve("envoy.yaml"));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code file}, with the archetype's properties as a generated project has them. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8)
                    .replace("${artifactId}", "hello-plugin")
                    .replace("${pluginName}", "hello-plugin")
                    .replace("${version}", "1.0.0-SNAPSHOT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code samples/x/envoy.yaml} for messages. */
    static String name(Path file) {
        return ROOT.relativize(file).toString();
    }
}
