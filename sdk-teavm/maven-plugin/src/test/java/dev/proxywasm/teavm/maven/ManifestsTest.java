package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    @Test
    void wasmPluginPinsTheImageAndCarriesTheConfiguration() {
        String yaml = Manifests.wasmPlugin(new Manifests.WasmPlugin("custom-errors", "istio-system",
                "oci://ghcr.io/acme/custom-errors:1.0.0", "ab12", "AUTHN", "FAIL_OPEN",
                Map.of("app", "istio-ingressgateway"), "{\"targetURLPrefixes\": [\"foo.bar.com\"]}\n"));

        assertEquals("""
                apiVersion: extensions.istio.io/v1alpha1
                kind: WasmPlugin
                metadata:
                  name: custom-errors
                  namespace: istio-system
                spec:
                  selector:
                    matchLabels:
                      app: istio-ingressgateway
                  url: oci://ghcr.io/acme/custom-errors:1.0.0
                  sha256: ab12
                  phase: AUTHN
                  failStrategy: FAIL_OPEN
                  pluginConfig: {"targetURLPrefixes": ["foo.bar.com"]}
                """, yaml);
    }

    @Test
    void envoyFilterLoadsTheModuleWithItsConfiguration() {
        String yaml = Manifests.envoyHttpFilter("hello", "/plugins/hello.wasm", "{\"a\": 1}", false);

        assertEquals("""
                # Add under http_connection_manager.http_filters, before envoy.filters.http.router.
                - name: envoy.filters.http.wasm
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm
                    config:
                      name: hello
                      fail_open: false
                      configuration:
                        "@type": type.googleapis.com/google.protobuf.StringValue
                        value: |
                          {"a": 1}
                      vm_config:
                        runtime: envoy.wasm.runtime.v8
                        code:
                          local:
                            filename: /plugins/hello.wasm
                """, yaml);
    }
}
