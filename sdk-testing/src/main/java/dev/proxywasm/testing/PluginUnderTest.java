package dev.proxywasm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds the plugin the tests run: the glue class the annotation processor named in
 * {@code META-INF/proxy-wasm/main-class}, and the module the build recorded in
 * {@code META-INF/proxy-wasm/module-path} (or {@code -Dproxywasm.module=...}), refused when it is
 * older than the classes it should have been built from.
 */
final class PluginUnderTest {
    static final String SKIP_MISSING_MODULE = "proxywasm.skipMissingModule";
    static final String MODES = "proxywasm.modes";
    static final String MODULE_RECORD = "META-INF/proxy-wasm/module-path";

    private PluginUnderTest() {}

    static Class<?> glueClass(ClassLoader loader) {
        String name = resource(loader, "META-INF/proxy-wasm/main-class");
        if (name == null) {
            throw new IllegalStateException("no @ProxyWasmPlugin class on the classpath:"
                    + " META-INF/proxy-wasm/main-class is missing (is dev.proxywasm:sdk-api a dependency, and did annotation processing run?)");
        }
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the generated exports class " + name + " is not on the classpath", e);
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

    /**
     * The module, or null when the build did not record one or the file is gone. The build records
     * the module's path relative to the test classes, so a copied or moved project tests its own
     * module, never the one in the directory it was copied from.
     */
    static Path modulePath(ClassLoader loader) {
        String location = System.getProperty("proxywasm.module");
        Path path;
        if (location != null) {
            path = Path.of(location);
        } else {
            URL record = loader.getResource(MODULE_RECORD);
            String recorded = resource(loader, MODULE_RECORD);
            if (record == null || recorded == null) {
                return null;
            }
            path = testClassesRoot(record).resolve(recorded).normalize();
        }
        return Files.isRegularFile(path) ? path : null;
    }

    /** {@code target/test-classes} for the record at {@code target/test-classes/META-INF/proxy-wasm/module-path}. */
    private static Path testClassesRoot(URL record) {
        if (!"file".equals(record.getProtocol())) {
            return Path.of("");
        }
        try {
            return Path.of(record.toURI()).getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            return Path.of("");
        }
    }

    /**
     * Why {@code module} cannot be trusted to be the plugin the JVM runs, or null: a module older
     * than the newest of the plugin's compiled classes was built from other sources (an IDE
     * compiled the classes, or the build ran with the module step skipped).
     */
    static String staleness(Path module, ClassLoader loader) {
        if (System.getProperty("proxywasm.module") != null) {
            return null;
        }
        Path classes = classesRoot(loader);
        if (classes == null) {
            return null;
        }
        try {
            FileTime built = Files.getLastModifiedTime(module);
            Path newest = newestClass(classes);
            if (newest == null || Files.getLastModifiedTime(newest).compareTo(built) <= 0) {
                return null;
            }
            return "the compiled plugin module " + module + " is older than the plugin's classes ("
                    + classes.relativize(newest) + " changed after it was built), so the [wasm] run would"
                    + " test old code. Rebuild it: mvn process-classes (or mvn package, or mvn test)."
                    + " For a JVM-only loop that skips the module on purpose: -D" + MODES + "=jvm";
        } catch (IOException e) {
            return null;
        }
    }

    /** The directory the generated glue class was loaded from: the plugin's compiled classes. */
    private static Path classesRoot(ClassLoader loader) {
        String glue = resource(loader, "META-INF/proxy-wasm/main-class");
        if (glue == null) {
            return null;
        }
        URL url = loader.getResource(glue.replace('.', '/') + ".class");
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            Path path = Path.of(url.toURI());
            for (int i = 0; i < glue.split("\\.").length; i++) {
                path = path.getParent();
            }
            return path;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Path newestClass(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .max(Comparator.comparing(PluginUnderTest::modified))
                    .orElse(null);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Whether {@code -Dproxywasm.modes} (a comma-separated list, e.g. {@code jvm}) lets {@code mode}
     * run; without the property every mode runs.
     */
    static boolean modeSelected(Mode mode) {
        String modes = System.getProperty(MODES);
        if (modes == null || modes.isBlank()) {
            return true;
        }
        for (String name : modes.split(",")) {
            if (name.trim().equalsIgnoreCase(mode.label())) {
                return true;
            }
        }
        return false;
    }

    static String missingModuleMessage() {
        return "the compiled plugin module is missing, so the [wasm] run cannot happen. Build it first:"
                + " mvn process-classes (or mvn test), which runs proxy-wasm-maven-plugin:build and records"
                + " the module in " + MODULE_RECORD + ". For a JVM-only loop, -D" + MODES + "=jvm skips the"
                + " module build and the [wasm] runs; in an IDE, -D" + SKIP_MISSING_MODULE
                + "=true skips [wasm] runs whose module is missing.";
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
