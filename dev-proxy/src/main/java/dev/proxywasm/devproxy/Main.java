package dev.proxywasm.devproxy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar proxy-wasm-dev-proxy-<version>-cli.jar --module plugin.wasm [options]}; exits
 * non-zero if the module fails validation or the plugin fails to start.
 */
public final class Main {
    private static final String USAGE = """
            usage: java -jar proxy-wasm-dev-proxy-cli.jar --module plugin.wasm [options]
              --config JSON | @file     plugin configuration (JSON text, or @ and a file)
              --port N                  port on 127.0.0.1 (default 18000; 0 picks a free one)
              --upstream URL            where requests go (default: a built-in upstream where
                                        /status/503 answers 503 and /status/404/empty a bodiless 404)
              --cluster NAME=URL        where the plugin's HTTP callouts to NAME go (repeatable)
              --fail-open               after a trap, pass requests untouched (default: 503, as Envoy)
            """;

    private Main() {}

    public static void main(String[] args) throws Exception {
        Path module = null;
        String config = null;
        int port = 18000;
        URI upstream = null;
        boolean failOpen = false;
        Map<String, URI> clusters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--module" -> module = Path.of(args[++i]);
                case "--config" -> {
                    String value = args[++i];
                    config = value.startsWith("@") ? Files.readString(Path.of(value.substring(1)), StandardCharsets.UTF_8)
                            : value;
                }
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--upstream" -> upstream = URI.create(args[++i]);
                case "--cluster" -> {
                    String[] pair = args[++i].split("=", 2);
                    clusters.put(pair[0], URI.create(pair[1]));
                }
                case "--fail-open" -> failOpen = true;
                default -> {
                    System.err.println("unknown option " + arg + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        if (module == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try (DevProxy proxy = DevProxy.start(DevProxy.options(module, config, port, upstream, clusters, failOpen),
                System.out)) {
            System.out.println("[proxy] " + module.getFileName() + " on http://127.0.0.1:" + proxy.port()
                    + " -> " + proxy.upstream() + "   (try: curl -i http://127.0.0.1:" + proxy.port()
                    + "/status/503)");
            proxy.join();
        } catch (DevProxy.StartFailure e) {
            System.err.println("[proxy] " + e.getMessage());
            System.exit(1);
        }
    }
}
