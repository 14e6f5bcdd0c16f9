package dev.proxywasm.it.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.extensions.wasm.v3.PluginConfig;
import dev.proxywasm.teavm.maven.Manifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every envoy.yaml the project ships, read as Envoy reads it: a v3 {@link Bootstrap} in Envoy's own
 * protobuf classes, unknown fields rejected and every {@code typed_config} resolved; its Wasm
 * filters load the sample's own module with a configuration.
 */
class EnvoyConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Class<io.envoyproxy.envoy.extensions.filters.http.wasm.v3.Wasm> HTTP_WASM =
            io.envoyproxy.envoy.extensions.filters.http.wasm.v3.Wasm.class;
    private static final Class<io.envoyproxy.envoy.extensions.filters.network.wasm.v3.Wasm> NETWORK_WASM =
            io.envoyproxy.envoy.extensions.filters.network.wasm.v3.Wasm.class;
    private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
            .add(HttpConnectionManager.getDescriptor())
            .add(Router.getDescriptor())
            .add(TcpProxy.getDescriptor())
            .add(HttpProtocolOptions.getDescriptor())
            .add(io.envoyproxy.envoy.extensions.filters.http.wasm.v3.Wasm.getDescriptor())
            .add(io.envoyproxy.envoy.extensions.filters.network.wasm.v3.Wasm.getDescriptor())
            .add(StringValue.getDescriptor())
            .build();

    static List<Path> envoyConfigs() {
        return Shipped.envoyConfigs();
    }

    static Bootstrap parse(String yaml) throws Exception {
        Bootstrap.Builder bootstrap = Bootstrap.newBuilder();
        JsonFormat.parser().usingTypeRegistry(TYPES).merge(YAML.readTree(yaml).toString(), bootstrap);
        return bootstrap.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envoyConfigs")
    void isAnEnvoyBootstrapWhoseWasmFilterLoadsTheProjectsModule(Path file) throws Exception {
        Bootstrap bootstrap = parse(Shipped.read(file));

        List<PluginConfig> plugins = wasmPlugins(bootstrap);
        assertEquals(1, plugins.size(), Shipped.name(file) + ": Wasm filters");
        PluginConfig plugin = plugins.get(0);
        String project = file.getParent().equals(Shipped.ARCHETYPE) ? "hello-plugin"
                : file.getParent().getFileName().toString();
        assertEquals("./target/" + project + ".wasm", plugin.getVmConfig().getCode().getLocal().getFilename(),
                Shipped.name(file));
        assertEquals("envoy.wasm.runtime.v8", plugin.getVmConfig().getRuntime(), Shipped.name(file));
        assertFalse(bootstrap.getStaticResources().getListenersList().isEmpty(), Shipped.name(file));
    }

    @Test
    void theFilterProxyWasmManifestsWritesIsAValidHttpFilter() throws Exception {
        String snippet = Manifests.envoyHttpFilter("hello", "target/hello.wasm", "/etc/envoy/hello.wasm",
                "{\"header\": \"x-hello\",\n \"value\": \"world\"}", false);
        HttpFilter.Builder filter = HttpFilter.newBuilder();
        JsonFormat.parser().usingTypeRegistry(TYPES).merge(YAML.readTree(snippet).get(0).toString(), filter);

        PluginConfig plugin = filter.build().getTypedConfig().unpack(HTTP_WASM).getConfig();
        assertEquals("/etc/envoy/hello.wasm", plugin.getVmConfig().getCode().getLocal().getFilename());
        assertFalse(plugin.getFailOpen());
        assertEquals("{\"header\": \"x-hello\",\n \"value\": \"world\"}\n",
                plugin.getConfiguration().unpack(StringValue.class).getValue());
    }

    @Test
    void anUnknownFieldOrTypeIsRefusedAsEnvoyWouldRefuseIt() {
        String shipped = Shipped.read(Shipped.ROOT.resolve("samples/http-headers/envoy.yaml"));

        assertThrows(InvalidProtocolBufferException.class, () -> parse(shipped.replace("vm_config:", "vm_configs:")));
        assertThrows(InvalidProtocolBufferException.class, () -> parse(shipped.replace(
                "envoy.extensions.filters.http.wasm.v3.Wasm", "envoy.extensions.filters.http.wasm.v3.Wasmx")));
    }

    /** The config of every Wasm filter, HTTP or network, in every listener. */
    private static List<PluginConfig> wasmPlugins(Bootstrap bootstrap) throws Exception {
        List<PluginConfig> plugins = new ArrayList<>();
        for (Listener listener : bootstrap.getStaticResources().getListenersList()) {
            for (FilterChain chain : listener.getFilterChainsList()) {
                for (Filter filter : chain.getFiltersList()) {
                    Any config = filter.getTypedConfig();
                    if (config.is(HttpConnectionManager.class)) {
                        for (HttpFilter http : config.unpack(HttpConnectionManager.class).getHttpFiltersList()) {
                            if (http.getTypedConfig().is(HTTP_WASM)) {
                                plugins.add(http.getTypedConfig().unpack(HTTP_WASM).getConfig());
                            }
                        }
                    } else if (config.is(NETWORK_WASM)) {
                        plugins.add(config.unpack(NETWORK_WASM).getConfig());
                    }
                }
            }
        }
        assertTrue(plugins.stream().allMatch(p -> !p.getName().isEmpty()), "every Wasm filter names its plugin");
        return plugins;
    }
}
