package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    @Test
    void wasmPluginPinsTheImageAndCarriesTheConfiguration() {
        String yaml = Manifests.wasmPlugin(new Manifests.WasmPlugin("custom-errors", "istio-system",
                "oci://ghcr.io/acme/custom-errors:1.0.0", "ab12", "AUTHN", 10, "FAIL_CLOSE", "IfNotPresent",
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
                  priority: 10
                  failStrategy: FAIL_CLOSE
                  imagePullPolicy: IfNotPresent
                  pluginConfig: {"targetURLPrefixes": ["foo.bar.com"]}
                """, yaml);
    }

    @Test
    void envoyFilterLoadsTheModuleWithItsConfiguration() {
        String yaml = Manifests.envoyHttpFilter("hello", "target/hello.wasm", "/plugins/hello.wasm", "{\"a\": 1}", false);

        assertEquals("""
                # Add under http_connection_manager.http_filters, before envoy.filters.http.router.
                # Copy target/hello.wasm to /plugins/hello.wasm on the machine that runs Envoy.
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

    @Test
    void aWasmPluginThatNamesNoWorkloadsIsRefusedUnlessEveryWorkloadIsMeant() {
        assertEquals("the WasmPlugin names no workloads, so Istio would apply it to every workload in istio-system,"
                + " the whole mesh. Name them in the plugin's <configuration>: <selector><app>my-service</app></selector>,"
                + " or pass -Dproxywasm.allWorkloads=true if every workload is meant",
                Manifests.refusal(Map.of(), false, "istio-system", "UNSPECIFIED_PHASE", "FAIL_CLOSE", null));
        assertEquals(null, Manifests.refusal(Map.of(), true, "istio-system", "UNSPECIFIED_PHASE", "FAIL_CLOSE", null));
        assertEquals(null, Manifests.refusal(Map.of("app", "orders"), false, "shop", "AUTHZ", "FAIL_OPEN", "Always"));
        assertEquals("proxywasm.allWorkloads=true contradicts the selector {app=orders}; keep one",
                Manifests.refusal(Map.of("app", "orders"), true, "shop", "AUTHZ", "FAIL_CLOSE", null));
    }

    @Test
    void valuesIstioDoesNotKnowAreRefusedBeforeTheClusterSeesThem() {
        assertEquals("proxywasm.failStrategy is FAIL_CLOSED; Istio's WasmPlugin takes one of [FAIL_CLOSE, FAIL_OPEN]",
                Manifests.refusal(Map.of("app", "a"), false, "ns", "AUTHN", "FAIL_CLOSED", null));
        assertEquals("proxywasm.phase is AUTH; Istio's WasmPlugin takes one of [UNSPECIFIED_PHASE, AUTHN, AUTHZ, STATS]",
                Manifests.refusal(Map.of("app", "a"), false, "ns", "AUTH", "FAIL_CLOSE", null));
        assertEquals("proxywasm.imagePullPolicy is Never; Istio's WasmPlugin takes one of [IfNotPresent, Always]",
                Manifests.refusal(Map.of("app", "a"), false, "ns", "AUTHN", "FAIL_CLOSE", "Never"));
    }

    @org.junit.jupiter.api.Test
    void aDigestMustBeASha256AsPushPrintsIt() {
        assertEquals(null, Manifests.digestRefusal(null));
        assertEquals(null, Manifests.digestRefusal("sha256:" + "0123456789abcdef".repeat(4)));
        assertEquals("proxywasm.imageDigest must be sha256: and 64 lower-case hex digits, as proxy-wasm:push prints"
                + " it, not sha256:xyz", Manifests.digestRefusal("sha256:xyz"));
        assertEquals(false, Manifests.digestRefusal("0123456789abcdef".repeat(4)) == null, "the sha256: prefix is required");
        assertEquals(false, Manifests.digestRefusal("sha256:5c3f…") == null);
    }
}
