package dev.proxywasm.teavm.maven;

import java.util.Map;

/**
 * Writes the deployment files users would otherwise edit by hand: an Istio {@code WasmPlugin} and
 * the {@code http_filters} entry for a plain {@code envoy.yaml}. The plugin configuration is JSON,
 * which is also YAML, so it goes into the manifest as it is.
 */
public final class Manifests {
    private Manifests() {}

    /** What a {@code WasmPlugin} says. */
    public record WasmPlugin(String name, String namespace, String url, String sha256, String phase,
            String failStrategy, Map<String, String> selector, String pluginConfigJson) {}

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
        yaml.append("  phase: ").append(p.phase()).append('\n')
                .append("  failStrategy: ").append(p.failStrategy()).append('\n');
        if (p.pluginConfigJson() != null && !p.pluginConfigJson().isBlank()) {
            yaml.append("  pluginConfig: ").append(p.pluginConfigJson().strip().replace("\n", "\n    ")).append('\n');
        }
        return yaml.toString();
    }

    /** An {@code http_filters} entry loading {@code modulePath} in Envoy's V8 runtime. */
    public static String envoyHttpFilter(String name, String modulePath, String pluginConfigJson, boolean failOpen) {
        String config = pluginConfigJson == null || pluginConfigJson.isBlank() ? "{}" : pluginConfigJson.strip();
        return "# Add under http_connection_manager.http_filters, before envoy.filters.http.router.\n"
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
