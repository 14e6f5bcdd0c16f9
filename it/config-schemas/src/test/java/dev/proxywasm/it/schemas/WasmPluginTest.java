package dev.proxywasm.it.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.proxywasm.teavm.maven.Manifests;
import io.fabric8.istio.api.api.extensions.v1alpha1.FailStrategy;
import io.fabric8.istio.api.api.extensions.v1alpha1.PluginPhase;
import io.fabric8.istio.api.extensions.v1alpha1.WasmPlugin;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Every Istio {@code WasmPlugin} the project ships or {@code proxy-wasm:manifests} writes, read with
 * Istio's model (fabric8's): known fields only, known enum values, a selector unless meant for all.
 */
class WasmPluginTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads a WasmPlugin, failing on any field Istio's model does not know (fabric8 keeps those aside). */
    static WasmPlugin read(String yaml) throws Exception {
        WasmPlugin plugin = YAML.readValue(yaml, WasmPlugin.class);
        List<String> unknown = new ArrayList<>();
        collectUnknown("", plugin, unknown);
        assertEquals(List.of(), unknown, "fields Istio's WasmPlugin does not have");
        assertEquals("extensions.istio.io/v1alpha1", plugin.getApiVersion());
        assertEquals("WasmPlugin", plugin.getKind());
        // fabric8 reads an enum value it does not know as null: compare with what the file says.
        var spec = YAML.readTree(yaml).get("spec");
        var model = plugin.getSpec();
        for (var field : Map.of("failStrategy", String.valueOf(model.getFailStrategy()),
                "phase", String.valueOf(model.getPhase()),
                "imagePullPolicy", String.valueOf(model.getImagePullPolicy())).entrySet()) {
            if (spec.has(field.getKey())) {
                assertEquals(spec.get(field.getKey()).asText(), field.getValue(),
                        field.getKey() + " is not one of the values Istio knows");
            }
        }
        return plugin;
    }

    private static Object config(WasmPlugin plugin) {
        return ((io.fabric8.kubernetes.api.model.runtime.RawExtension) plugin.getSpec().getPluginConfig()).getValue();
    }

    @Test
    void theArchetypesWasmPluginIsValidScopedAndFailsClosed() throws Exception {
        WasmPlugin plugin = read(Shipped.read(Shipped.ARCHETYPE.resolve("wasmplugin.yaml")));

        assertEquals(Map.of("app", "istio-ingressgateway"), plugin.getSpec().getSelector().getMatchLabels());
        assertEquals(FailStrategy.FAIL_CLOSE, plugin.getSpec().getFailStrategy());
        assertEquals(Map.of("header", "x-hello", "value", "world"), config(plugin));
    }

    @Test
    void customErrorsWasmPluginIsValid() throws Exception {
        WasmPlugin plugin = read(Shipped.read(Shipped.ROOT.resolve("samples/custom-errors/wasmplugin.yaml")));

        assertEquals(PluginPhase.AUTHN, plugin.getSpec().getPhase());
        assertTrue(plugin.getSpec().getUrl().startsWith("oci://"));
    }

    @Test
    void whatTheManifestsGoalWritesIsValidInEveryShape() throws Exception {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("app", "orders");
        selector.put("version", "v2");
        String full = Manifests.wasmPlugin(new Manifests.WasmPlugin("orders-auth", "shop",
                "oci://ghcr.io/acme/orders-auth:1.0.0", "ab12cd", "AUTHZ", 10, "FAIL_CLOSE", "IfNotPresent", selector,
                "{\n  \"rules\": [{\"path\": \"/admin\", \"roles\": [\"ops\"]}],\n  \"strict\": true\n}\n"));
        String bare = Manifests.wasmPlugin(new Manifests.WasmPlugin("everywhere", "istio-system",
                "https://example.com/plugin.wasm", null, "UNSPECIFIED_PHASE", null, "FAIL_OPEN", null, Map.of(), null));

        WasmPlugin plugin = read(full);
        assertEquals(selector, plugin.getSpec().getSelector().getMatchLabels());
        assertEquals(10, plugin.getSpec().getPriority());
        assertEquals("ab12cd", plugin.getSpec().getSha256());
        assertEquals(Map.of("rules", List.of(Map.of("path", "/admin", "roles", List.of("ops"))), "strict", true),
                config(plugin));
        assertEquals(FailStrategy.FAIL_OPEN, read(bare).getSpec().getFailStrategy());
    }

    @Test
    void aFieldOrValueIstioDoesNotKnowIsRefused() {
        String shipped = Shipped.read(Shipped.ARCHETYPE.resolve("wasmplugin.yaml"));

        AssertionFailedError value = assertThrows(AssertionFailedError.class,
                () -> read(shipped.replace("failStrategy: FAIL_CLOSE", "failStrategy: FAIL_CLOSED")));
        assertTrue(value.getMessage().startsWith("failStrategy is not one of the values Istio knows"), value::getMessage);
        AssertionFailedError field = assertThrows(AssertionFailedError.class,
                () -> read(shipped.replace("phase:", "stage:")));
        assertTrue(field.getMessage().startsWith("fields Istio's WasmPlugin does not have ==> expected: <[]> but was:"
                + " <[.Spec.stage]>"), field::getMessage);
    }

    /** Paths of properties that landed in a fabric8 object's additional properties (unknown to Istio). */
    private static void collectUnknown(String path, Object value, List<String> unknown) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                collectUnknown(path + "[]", item, unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return; // pluginConfig: free-form, the plugin's own
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (!getter.getName().equals("getPluginConfig")) {
                collectUnknown(path + "." + getter.getName().substring(3), child, unknown);
            }
        }
    }
}
