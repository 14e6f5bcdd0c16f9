package dev.proxywasm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the plugin the tests run: the glue class the annotation processor named in
 * {@code META-INF/proxy-wasm/main-class}, and the module the build recorded in
 * {@code META-INF/proxy-wasm/module-path} (or {@code -Dproxywasm.module=...}).
 */
final class PluginUnderTest {
    static final String SKIP_MISSING_MODULE = "proxywasm.skipMissingModule";

    private PluginUnderTest() {}

    static Class<?> glueClass(ClassLoader loader) {
        String name = resource(loader, "META-INF/proxy-wasm/main-class");
        if (name == null) {
            throw new IllegalStateException("no @ProxyWasmPlugin class on the classpath:"
                    + " META-INF/proxy-wasm/main-class is missing (is dev.proxywasm:sdk-teavm a dependency?)");
        }
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the generated glue " + name + " is not on the classpath", e);
        }
    }

    /** The plugin class, or null if the processor did not record it. */
    static Class<?> pluginClass(ClassLoader loader) {
        String name = resource(loader, "META-INF/proxy-wasm/plugin-class");
        try {
            return name == null ? null : Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The module, or null when the build did not record one or the file is gone. */
    static Path modulePath(ClassLoader loader) {
        String location = System.getProperty("proxywasm.module");
        if (location == null) {
            location = resource(loader, "META-INF/proxy-wasm/module-path");
        }
        if (location == null) {
            return null;
        }
        Path path = Path.of(location);
        return Files.isRegularFile(path) ? path : null;
    }

    static String missingModuleMessage() {
        return "the compiled plugin module is missing, so the [wasm] run cannot happen. Build it first:"
                + " mvn process-classes (or mvn package), which runs proxy-wasm-maven-plugin:build and records"
                + " the module in META-INF/proxy-wasm/module-path. In an IDE, -D" + SKIP_MISSING_MODULE
                + "=true skips [wasm] runs instead of failing them.";
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
