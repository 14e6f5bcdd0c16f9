package dev.proxywasm.teavm.maven;

import java.util.List;
import java.util.Map;

/**
 * Writes the deployment files users would otherwise edit by hand: an Istio {@code WasmPlugin} and
 * the {@code http_filters} entry for a plain {@code envoy.yaml}. The plugin configuration is JSON,
 * which is also YAML, so it goes into the manifest as it is.
 */
public final class Manifests {
    private Manifests() {}

    /**
     * What a {@code WasmPlugin} says. {@code priority} and {@code imagePullPolicy} may be null
     * (Istio's defaults); an empty {@code selector} means every workload of the namespace.
     */
    public record WasmPlugin(String name, String namespace, String url, String sha256, String phase,
            Integer priority, String failStrategy, String imagePullPolicy, Map<String, String> selector,
            String pluginConfigJson) {}

    /**
     * Why the manifests must not be written, in one line, or null: a WasmPlugin that names no
     * workloads lands on every workload of its namespace (the whole mesh in Istio's root namespace),
     * so that takes an explicit {@code allWorkloads}; values Istio does not know are refused here,
     * not at {@code kubectl apply}.
     */
    public static String refusal(Map<String, String> selector, boolean allWorkloads, String namespace, String phase,
            String failStrategy, String imagePullPolicy) {
        if (selector.isEmpty() && !allWorkloads) {
            return "the WasmPlugin names no workloads, so Istio would apply it to every workload in " + namespace
                    + (namespace.equals("istio-system") ? ", the whole mesh" : "") + ". Name them in the plugin's"
                    + " <configuration>: <selector><app>my-service</app></selector>, or pass"
                    + " -Dproxywasm.allWorkloads=true if every workload is meant";
        }
        if (!selector.isEmpty() && allWorkloads) {
            return "proxywasm.allWorkloads=true contradicts the selector " + selector + "; keep one";
        }
        String wrong = notOneOf("proxywasm.phase", phase, List.of("UNSPECIFIED_PHASE", "AUTHN", "AUTHZ", "STATS"));
        if (wrong == null) {
            wrong = notOneOf("proxywasm.failStrategy", failStrategy, List.of("FAIL_CLOSE", "FAIL_OPEN"));
        }
        if (wrong == null && imagePullPolicy != null) {
            wrong = notOneOf("proxywasm.imagePullPolicy", imagePullPolicy, List.of("IfNotPresent", "Always"));
        }
        return wrong;
    }

    /**
     * Why {@code imageDigest} cannot pin an image, or null if it can (or is absent): Istio compares
     * the pulled module with a SHA-256 and refuses a value that is not one only when it loads it.
     */
    public static String digestRefusal(String imageDigest) {
        if (imageDigest == null || imageDigest.matches("sha256:[0-9a-f]{64}")) {
            return null;
        }
        return "proxywasm.imageDigest must be sha256: and 64 lower-case hex digits, as proxy-wasm:push prints it,"
                + " not " + imageDigest;
    }

    private static String notOneOf(String parameter, String value, List<String> allowed) {
        return allowed.contains(value) ? null
                : parameter + " is " + value + "; Istio's WasmPlugin takes one of " + allowed;
    }

    /** The {@code WasmPlugin} resource. */
    public static String wasmPlugin(WasmPlugin p) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: extensions.istio.io/v1alpha1\n")
                .append("kind: WasmPlugin\n")
                .append("metadata:\n")
                .append("  name: ").append(p.name()).append('\n')
                .append("  namespace: ").append(p.namespace()).append('\n')
                .append("spec:\n");
        if (!p.selector().isEmpty()) {
            yaml.append("  selector:\n    matchLabels:\n");
            p.selector().forEach((k, v) -> yaml.append("      ").append(k).append(": ").append(v).append('\n'));
        }
        yaml.append("  url: ").append(p.url()).append('\n');
        if (p.sha256() != null) {
            yaml.append("  sha256: ").append(p.sha256()).append('\n');
        }
        yaml.append("  phase: ").append(p.phase()).append('\n');
        if (p.priority() != null) {
            yaml.append("  priority: ").append(p.priority()).append('\n');
        }
        yaml.append("  failStrategy: ").append(p.failStrategy()).append('\n');
        if (p.imagePullPolicy() != null) {
            yaml.append("  imagePullPolicy: ").append(p.imagePullPolicy()).append('\n');
        }
        if (p.pluginConfigJson() != null && !p.pluginConfigJson().isBlank()) {
            yaml.append("  pluginConfig: ").append(p.pluginConfigJson().strip().replace("\n", "\n    ")).append('\n');
        }
        return yaml.toString();
    }

    /**
     * An {@code http_filters} entry loading the module from {@code modulePath} in Envoy's V8 runtime:
     * a path on the machine that runs Envoy, where the module is copied, never the build's own.
     */
    public static String envoyHttpFilter(String name, String moduleFile, String modulePath, String pluginConfigJson,
            boolean failOpen) {
        String config = pluginConfigJson == null || pluginConfigJson.isBlank() ? "{}" : pluginConfigJson.strip();
        return "# Add under http_connection_manager.http_filters, before envoy.filters.http.router.\n"
                + "# Copy " + moduleFile + " to " + modulePath + " on the machine that runs Envoy.\n"
                + "- name: envoy.filters.http.wasm\n"
                + "  typed_config:\n"
                + "    \"@type\": type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm\n"
                + "    config:\n"
                + "      name: " + name + "\n"
                + "      fail_open: " + failOpen + "\n"
                + "      configuration:\n"
                + "        \"@type\": type.googleapis.com/google.protobuf.StringValue\n"
                + "        value: |\n"
                + "          " + config.replace("\n", "\n          ") + "\n"
                + "      vm_config:\n"
                + "        runtime: envoy.wasm.runtime.v8\n"
                + "        code:\n"
                + "          local:\n"
                + "            filename: " + modulePath + "\n";
    }
}
