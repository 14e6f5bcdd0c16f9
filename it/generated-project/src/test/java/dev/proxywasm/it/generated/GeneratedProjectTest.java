package dev.proxywasm.it.generated;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a new user does, with the SDK as installed in the local repository: generate a project from
 * the archetype with the README's command, build it and serve it with {@code mvn package
 * proxy-wasm:run}, send real HTTP, stop it; then make a forbidden call and watch the build refuse
 * it. Every Maven run is a subprocess with a bounded wait, and no process outlives the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedProjectTest {
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String PLUGIN = "src/main/java/com/example/hello/HelloPlugin.java";
    private static final String PLUGIN_TEST = "src/test/java/com/example/hello/HelloPluginTest.java";
    private static final String PLUGIN_CONFIG = "src/main/wasm/plugin-config.json";

    private final List<Process> started = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path scratch;
    private Path project;
    private Path logs;
    /** The plugin as the archetype writes it, before a test replaces it. */
    private String generatedPlugin;

    /** The README's quick-start command, in a scratch folder. */
    @BeforeAll
    void generateTheProject() throws Exception {
        scratch = Files.createTempDirectory("proxy-wasm-generated-project");
        logs = Files.createDirectories(Path.of(System.getProperty("generated.logs", "target/generated-project-logs")));
        Result generated = maven(scratch, "generate", "archetype:generate",
                "-DarchetypeGroupId=dev.proxywasm", "-DarchetypeArtifactId=proxy-wasm-plugin-archetype",
                "-DarchetypeVersion=" + System.getProperty("generated.version", "0.1.0-SNAPSHOT"),
                "-DgroupId=com.example", "-DartifactId=hello-plugin", "-Dpackage=com.example.hello",
                "-DpluginClassName=HelloPlugin", "-DinteractiveMode=false",
                // `mvn install` put the archetype in the local catalog; no remote catalog lookup.
                "-DarchetypeCatalog=local");
        assertEquals(0, generated.exit(), "archetype:generate failed:\n" + generated.tail());
        project = scratch.resolve("hello-plugin");
        assertTrue(Files.isRegularFile(project.resolve(PLUGIN)), "no " + PLUGIN + " was generated");
        assertTrue(Files.isRegularFile(project.resolve(PLUGIN_TEST)), "no " + PLUGIN_TEST + " was generated");
        generatedPlugin = Files.readString(project.resolve(PLUGIN));
    }

    @AfterAll
    void stopEverythingAndCleanUp() throws IOException {
        for (Process process : started) {
            stopTree(process);
        }
        if (scratch != null) {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void theRunGoalServesRealHttpThroughThePlugin() throws Exception {
        Files.writeString(project.resolve(PLUGIN), plugin(false), StandardCharsets.UTF_8);
        Files.writeString(project.resolve(PLUGIN_TEST), PLUGIN_TEST_SOURCE, StandardCharsets.UTF_8);
        int port = freePort();
        Path log = logs.resolve("run.log");

        Process mvn = start(project, log, "package", "proxy-wasm:run", "-Dproxywasm.port=" + port);
        HttpResponse<String> thrown;
        HttpResponse<String> hello;
        List<ProcessHandle> tree;
        try {
            awaitServing(mvn, port, log);
            thrown = get(port, "/throw");
            hello = get(port, "/hello");
        } finally {
            tree = stopTree(mvn);
        }

        assertAll(
                () -> assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive),
                        "still running after the stop: " + describe(tree)),
                () -> assertEquals(500, thrown.statusCode(),
                        "GET /throw (the plugin throws a NullPointerException) should fail closed with a 500; got "
                                + thrown.statusCode() + " " + thrown.body() + "\n" + tail(log)),
                () -> assertEquals(200, hello.statusCode(), "GET /hello: " + hello.body() + "\n" + tail(log)),
                () -> assertEquals(Optional.of("/hello"), hello.headers().firstValue("x-request-path"),
                        "GET /hello: x-request-path should carry Properties.requestPath()"));
    }

    @Test
    @Order(2)
    void theTestsReportEachRunByItsModeWithoutJUnitWarnings() throws Exception {
        String build = Files.readString(logs.resolve("run.log"));
        String report;
        try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
            Path xml = reports.filter(p -> p.getFileName().toString().endsWith(".xml")).findFirst().orElseThrow();
            report = Files.readString(xml);
        }

        assertTrue(report.contains("[jvm]") && report.contains("[wasm]"), "test reports name the mode:\n" + report);
        assertFalse(build.contains("CloseableResource"), "JUnit warned:\n" + build);
    }

    @Test
    @Order(2)
    void thePluginCompilesAgainstSdkApiAlone() throws Exception {
        Result tree = maven(project, "dependency-tree", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree",
                "-Dscope=compile");
        assertEquals(0, tree.exit(), "dependency:tree failed:\n" + tree.tail());

        List<String> compile = tree.output().lines().filter(l -> l.contains(":compile")).toList();
        assertTrue(compile.stream().anyMatch(l -> l.contains("dev.proxywasm:sdk-api:jar")), tree.output());
        for (String line : compile) {
            assertFalse(line.contains("javapoet") || line.contains("teavm") || line.contains("junit"),
                    "the plugin's compile classpath has " + line);
        }
    }

    @Test
    @Order(3)
    void theManifestsGoalWritesTheGeneratedWasmPluginScopedAndFailingClosed() throws Exception {
        String generated = Files.readString(project.resolve("wasmplugin.yaml"));
        String url = generated.lines().filter(l -> l.startsWith("  url: ")).findFirst().orElseThrow().substring(7);
        Result refused = maven(project, "manifests-without-url", "package", "proxy-wasm:manifests", "-DskipTests");
        assertNotEquals(0, refused.exit(), "manifests wrote a placeholder URL:\n" + refused.tail());
        assertTrue(refused.output().contains("proxywasm.url is not set"), refused.tail());

        Result manifests = maven(project, "manifests", "package", "proxy-wasm:manifests", "-DskipTests",
                "-Dproxywasm.url=" + url);

        assertEquals(0, manifests.exit(), "mvn package proxy-wasm:manifests failed:\n" + manifests.tail());
        assertEquals(generated, Files.readString(project.resolve("target/wasmplugin.yaml")),
                "the generated wasmplugin.yaml and what proxy-wasm:manifests writes must agree");
        String envoy = Files.readString(project.resolve("target/envoy-http-filter.yaml"));
        assertTrue(envoy.contains("filename: /etc/envoy/hello-plugin.wasm"), envoy);
        assertTrue(envoy.contains("fail_open: false"), envoy);
    }

    /**
     * The archetype's plugin reads its configuration as a record: {@code manifests} checks
     * plugin-config.json against the record's schema, refuses one the plugin would refuse at start
     * (removing the manifests the previous test wrote), and writes them once it is fixed.
     */
    @Test
    @Order(4)
    void aConfigurationThatBreaksTheRecordsSchemaIsRefusedAndNoManifestIsWritten() throws Exception {
        Path wasmPlugin = project.resolve("target/wasmplugin.yaml");
        String shippedConfig = Files.readString(project.resolve(PLUGIN_CONFIG));
        String url = "-Dproxywasm.url=oci://127.0.0.1:5000/hello-plugin:configured";
        Files.writeString(wasmPlugin, "# written by an earlier run\n");
        Files.writeString(project.resolve(PLUGIN), generatedPlugin, StandardCharsets.UTF_8);
        Files.writeString(project.resolve(PLUGIN_CONFIG), "{\"header\": \"\", \"colour\": \"red\"}\n",
                StandardCharsets.UTF_8);
        try {
            Result refused = maven(project, "manifests-bad-config", "package", "proxy-wasm:manifests", "-DskipTests", url);

            assertNotEquals(0, refused.exit(), "manifests took a configuration the plugin refuses:\n" + refused.tail());
            assertAll(
                    () -> assertTrue(refused.output().contains("src/main/wasm/plugin-config.json does not match the"
                            + " plugin's configuration schema target/hello-plugin.schema.json"), refused.tail()),
                    () -> assertTrue(refused.output().contains("$.header: expected at least 1 character, found \"\""),
                            refused.tail()),
                    () -> assertTrue(refused.output().contains("$.colour: unknown key; expected one of header, value"),
                            refused.tail()),
                    () -> assertFalse(Files.exists(wasmPlugin), "a refused configuration leaves no wasmplugin.yaml"));

            Files.writeString(project.resolve(PLUGIN_CONFIG), shippedConfig, StandardCharsets.UTF_8);
            Result fixed = maven(project, "manifests-fixed-config", "proxy-wasm:manifests", url);

            assertEquals(0, fixed.exit(), "manifests refused a conforming configuration:\n" + fixed.tail());
            assertTrue(Files.readString(wasmPlugin).contains("pluginConfig: " + shippedConfig.strip()),
                    Files.readString(wasmPlugin));
        } finally {
            Files.writeString(project.resolve(PLUGIN), plugin(false), StandardCharsets.UTF_8);
            Files.writeString(project.resolve(PLUGIN_CONFIG), shippedConfig, StandardCharsets.UTF_8);
            // The record's classes, glue and schema must not outlive it into the next build.
            for (String generated : List.of("target/classes", "target/generated-sources", "target/maven-status")) {
                deleteTree(project.resolve(generated));
            }
        }
    }

    @Test
    @Order(5)
    void aCallToMathSinFailsTheBuildAndLeavesNoModule() throws Exception {
        Path module = project.resolve("target/hello-plugin.wasm");
        if (!Files.isRegularFile(module)) {
            // The previous test did not get as far as a build: make one, so that there is a module to remove.
            Files.writeString(project.resolve(PLUGIN), plugin(false), StandardCharsets.UTF_8);
            Files.writeString(project.resolve(PLUGIN_TEST), PLUGIN_TEST_SOURCE, StandardCharsets.UTF_8);
            Result build = maven(project, "package-before-sin", "package");
            assertEquals(0, build.exit(), "mvn package of the plugin without Math.sin failed:\n" + build.tail());
        }
        assertTrue(Files.isRegularFile(module), "a successful build leaves " + module);
        Files.writeString(project.resolve(PLUGIN), plugin(true), StandardCharsets.UTF_8);

        Result build = maven(project, "package-with-sin", "package");

        assertNotEquals(0, build.exit(), "mvn package succeeded with Math.sin in the plugin:\n" + build.tail());
        assertTrue(build.output().contains("Math.sin"), "the failure should name Math.sin:\n" + build.tail());
        List<Path> left;
        try (Stream<Path> files = Files.walk(project.resolve("target"))) {
            left = files.filter(p -> p.getFileName().toString().endsWith(".wasm")).toList();
        }
        assertEquals(List.of(), left, "a rejected build must leave no .wasm in target/");

        Result push = maven(project, "push-after-rejection", "proxy-wasm:push",
                "-Dproxywasm.image=127.0.0.1:5000/hello-plugin:rejected");

        assertNotEquals(0, push.exit(), "push published after a rejected build:\n" + push.tail());
        assertTrue(push.output().contains("hello-plugin.wasm does not exist, so proxy-wasm:push has nothing to use"),
                "push should refuse the missing module:\n" + push.tail());
    }

    /** The plugin under test; {@code sine} adds a call to Math.sin, which no proxy-wasm host provides. */
    private static String plugin(boolean sine) {
        return """
                package com.example.hello;

                import dev.proxywasm.api.Headers;
                import dev.proxywasm.api.OnRequestHeaders;
                import dev.proxywasm.api.OnResponseHeaders;
                import dev.proxywasm.api.Properties;
                import dev.proxywasm.api.ProxyWasmPlugin;

                /** Fails on /throw (a header that was not sent, dereferenced); echoes the request path. */
                @ProxyWasmPlugin
                public final class HelloPlugin {
                    @OnRequestHeaders
                    void requestHeaders(Headers headers) {
                        String path = headers.get(":path");
                        if ("/throw".equals(path)) {
                            String missing = headers.get("x-not-sent");
                            headers.add("x-length", Integer.toString(missing.length()));
                        }
                SINE
                    }

                    @OnResponseHeaders
                    void responseHeaders(Headers headers) {
                        headers.add("x-request-path", String.valueOf(Properties.requestPath()));
                    }
                }
                """.replace("SINE\n", !sine ? "" : """
                        if ("/angle".equals(path)) {
                            headers.add("x-sine", Integer.toString((int) (Math.sin(headers.byteSize()) * 100)));
                        }
                """);
    }

    private static final String PLUGIN_TEST_SOURCE = """
            package com.example.hello;

            import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
            import static org.junit.jupiter.api.Assertions.assertTrue;

            import dev.proxywasm.api.Header;
            import dev.proxywasm.testing.HostEmulator;
            import dev.proxywasm.testing.ProxyWasmTest;
            import java.util.List;

            class HelloPluginTest {

                @ProxyWasmTest
                void echoesTheRequestPath(HostEmulator host) {
                    assertTrue(host.startPlugin());
                    int stream = host.initializeHttpContext();

                    host.callOnRequestHeaders(stream, List.of(new Header(":path", "/hello"),
                            new Header(":method", "GET"), new Header(":authority", "example.com")), true);
                    host.callOnResponseHeaders(stream, List.of(new Header(":status", "200")), true);

                    assertHeader(host.getCurrentResponseHeaders(stream), "x-request-path", "/hello");
                }
            }
            """;

    /** A finished Maven run: its exit code and everything it printed. */
    /**
     * javac 23 and later run no annotation processor from the classpath unless asked; the project
     * has no {@code <proc>} setting, so the build goal generates the glue itself.
     */
    @Test
    @Order(6)
    void aJdkNewerThan22BuildsAndTestsTheProjectUnchanged() throws Exception {
        Path jdk = newerJdk();
        Assumptions.assumeTrue(jdk != null, "no JDK 23 or later under /usr/lib/jvm or -Dgenerated.newerJdk");
        Files.writeString(project.resolve(PLUGIN), plugin(false), StandardCharsets.UTF_8);

        Result build = maven(project, Map.of("JAVA_HOME", jdk.toString()), "newer-jdk", "clean", "verify");

        assertEquals(0, build.exit(), "mvn clean verify with " + jdk + " failed:\n" + build.tail());
        assertTrue(build.output().contains("generating the plugin's glue"), build.tail());
        assertTrue(build.output().contains("Failures: 0, Errors: 0"), build.tail());
    }

    private static Path newerJdk() throws IOException {
        String configured = System.getProperty("generated.newerJdk", "");
        if (!configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/javac")))
                    .filter(d -> d.getFileName().toString().matches(".*-(2[3-9]|[3-9][0-9])(-.*|\\.[0-9].*)?$"))
                    .findFirst().orElse(null);
        }
    }

    private record Result(int exit, String output) {
        String tail() {
            return GeneratedProjectTest.tail(output);
        }
    }

    private Result maven(Path directory, String name, String... args) throws Exception {
        return maven(directory, Map.of(), name, args);
    }

    private Result maven(Path directory, Map<String, String> environment, String name, String... args)
            throws Exception {
        Path log = logs.resolve(name + ".log");
        Process process = start(directory, environment, log, args);
        try {
            if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("mvn " + String.join(" ", args) + " did not finish within " + BUILD_TIMEOUT.toSeconds()
                        + " s:\n" + tail(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            stopTree(process);
        }
    }

    /** Starts {@code mvn -B -ntp} with the surrounding build's local repository, output to {@code log}. */
    private Process start(Path directory, Path log, String... args) throws IOException {
        return start(directory, Map.of(), log, args);
    }

    private Process start(Path directory, Map<String, String> environment, Path log, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        command.add("-B");
        command.add("-ntp");
        if (System.getProperty("generated.offline", "").endsWith("=true")) {
            command.add("-o");
        }
        String repository = System.getProperty("generated.localRepository", "");
        if (!repository.isBlank() && !repository.startsWith("${")) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(args));
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static String mavenExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String name = windows ? "mvn.cmd" : "mvn";
        String home = System.getProperty("maven.home", "");
        if (!home.isBlank() && !home.startsWith("${")) {
            Path mvn = Path.of(home, "bin", name);
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return fail("no " + name + " in maven.home (" + home + ") or on the PATH");
    }

    /** Waits until the proxy answers on {@code port}; fails at once if Maven exits first. */
    private void awaitServing(Process mvn, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + BUILD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!mvn.isAlive()) {
                fail("mvn package proxy-wasm:run exited with " + mvn.exitValue() + " before serving:\n" + tail(log));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        fail("nothing served on port " + port + " within " + BUILD_TIMEOUT.toSeconds() + " s:\n" + tail(log));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Stops a process and everything it started (the proxy's own JVM), politely first, then by force;
     * returns the processes it stopped.
     */
    private static List<ProcessHandle> stopTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree, STOP_TIMEOUT);
        // Anything started while stopping, or deaf to the polite request.
        process.descendants().forEach(tree::add);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, STOP_TIMEOUT);
        return tree;
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : processes) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                // checked by the caller
            }
        }
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            return tail(Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
