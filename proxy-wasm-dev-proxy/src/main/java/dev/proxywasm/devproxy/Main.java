package dev.proxywasm.devproxy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar proxy-wasm-dev-proxy-<version>-cli.jar --module plugin.wasm [options]}. Bad
 * arguments are one line on stderr and exit code 2; a module that fails validation, a plugin that
 * refuses its configuration or a port in use exit with 1; {@code --help} prints the usage.
 */
public final class Main {
    static final String USAGE = """
            usage: java -jar proxy-wasm-dev-proxy-cli.jar --module plugin.wasm [options]
              --module FILE             the plugin's compiled module (required)
              --config JSON | @file     plugin configuration (JSON text, or @ and a file)
              --port N                  port on 127.0.0.1 (default 18000; 0 picks a free one)
              --upstream URL            where requests go (default: a built-in upstream where
                                        /status/503 answers 503 and /status/404/empty a bodiless 404)
              --cluster NAME=URL        where the plugin's HTTP callouts to NAME go (repeatable); a
                                        callout to a cluster not mapped is refused, as in Envoy
              --fail-open               after a trap, pass requests untouched (default: 503, as Envoy)
              --help                    this text
            """;

    /**
     * The process id of a parent (the Maven goal that started this proxy): when it ends, so does the
     * proxy, even if the parent was killed without running its shutdown hooks.
     */
    static final String PARENT_PROPERTY = "proxywasm.devproxy.parentPid";

    private Main() {}

    /** An argument the proxy cannot use; the message is the whole explanation. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    /** What the command line asks for; {@code help} set means print the usage and stop. */
    record Arguments(boolean help, DevProxy.Options options) {}

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (UsageError e) {
            System.err.println("[proxy] " + e.getMessage());
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(USAGE);
            System.exit(0);
            return;
        }
        exitWithParent();
        DevProxy.Options options = arguments.options();
        DevProxy proxy;
        try {
            proxy = DevProxy.start(options, System.out);
        } catch (DevProxy.StartFailure e) {
            System.err.println("[proxy] " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception | LinkageError e) {
            System.err.println("[proxy] cannot start: " + e);
            System.exit(1);
            return;
        }
        String base = "http://127.0.0.1:" + proxy.port();
        System.out.println("[proxy] " + options.module().getFileName() + " on " + base + " -> " + proxy.upstream()
                + (options.upstream() == null ? "   (built-in upstream; try: curl -i " + base + "/status/503)" : ""));
        System.out.println("[proxy] the plugin's metrics: curl " + base + DevProxy.STATS_PATH);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }, "proxy-wasm-stop"));
        try {
            proxy.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /** Reads the command line; every mistake is a {@link UsageError} with a one-line message. */
    static Arguments parse(String[] args) throws UsageError {
        Path module = null;
        String config = null;
        int port = 18000;
        URI upstream = null;
        boolean failOpen = false;
        Map<String, URI> clusters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h", "-help" -> {
                    return new Arguments(true, null);
                }
                case "--module" -> module = Path.of(value(args, ++i, arg));
                case "--config" -> config = configuration(value(args, ++i, arg));
                case "--port" -> port = port(value(args, ++i, arg));
                case "--upstream" -> upstream = url(value(args, ++i, arg), "--upstream");
                case "--cluster" -> {
                    String value = value(args, ++i, arg);
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new UsageError("--cluster takes NAME=URL, e.g. auth=http://127.0.0.1:9000, not "
                                + value);
                    }
                    clusters.put(value.substring(0, equals), url(value.substring(equals + 1), "--cluster " + value
                            .substring(0, equals)));
                }
                case "--fail-open" -> failOpen = true;
                default -> throw new UsageError("unknown option " + arg + "; --help lists the options");
            }
        }
        if (module == null) {
            throw new UsageError("--module plugin.wasm is required; --help lists the options");
        }
        if (!Files.isRegularFile(module)) {
            throw new UsageError("module " + module + " does not exist");
        }
        return new Arguments(false, DevProxy.options(module, config, port, upstream, clusters, failOpen));
    }

    private static String value(String[] args, int index, String option) throws UsageError {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageError(option + " needs a value; --help lists the options");
        }
        return args[index];
    }

    private static String configuration(String value) throws UsageError {
        if (!value.startsWith("@")) {
            return value;
        }
        Path file = Path.of(value.substring(1));
        if (!Files.isRegularFile(file)) {
            throw new UsageError("configuration file " + file + " does not exist");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    static int port(String value) throws UsageError {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UsageError("--port takes a number from 0 to 65535 (0 picks a free port), not " + value);
        }
        return port;
    }

    private static URI url(String value, String option) throws UsageError {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageError(option + " takes an http:// or https:// URL such as http://127.0.0.1:8080, not " + value);
    }

    /** With {@link #PARENT_PROPERTY} set, exits when that process does. */
    private static void exitWithParent() {
        String pid = System.getProperty(PARENT_PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                    () -> Runtime.getRuntime().halt(0));
        } catch (NumberFormatException e) {
            // not a process id: nothing to watch
        }
    }
}
