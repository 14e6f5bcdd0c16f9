package dev.proxywasm.samples.propertiesauth;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.Properties;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.Utf8;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go SDK's {@code properties} example: requests are allowed only from the source addresses
 * listed in the configuration (comma-separated IPs), read from Envoy's {@code source.address}.
 */
@ProxyWasmPlugin
public final class PropertiesAuth {
    private List<String> allowed = List.of();

    @OnPluginStart
    boolean start(Configuration configuration) {
        // A hand-written split: String.split compiles a regular expression, half a megabyte of module.
        List<String> addresses = new ArrayList<>();
        String text = configuration.text();
        int start = 0;
        for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
            addresses.add(text.substring(start, comma).trim());
            start = comma + 1;
        }
        addresses.add(text.substring(start).trim());
        allowed = List.copyOf(addresses);
        Log.info("allowing " + allowed + " on " + Properties.pluginName());
        return !configuration.isEmpty();
    }

    @OnRequestHeaders
    Action request(HttpStream stream) {
        String address = String.valueOf(Properties.sourceAddress());
        int colon = address.lastIndexOf(':');
        String ip = colon > 0 ? address.substring(0, colon) : address;
        if (allowed.contains(ip)) {
            // Leave the decision for access logs and later filters.
            Properties.set(Utf8.encode("allowed"), "wasm", "source_check");
            return Action.CONTINUE;
        }
        Log.info("denied " + address + " " + Properties.requestMethod() + " " + Properties.requestPath()
                + " (user-agent " + Properties.requestHeader("user-agent") + ", workload "
                + Properties.nodeMetadata("WORKLOAD_NAME") + ")");
        stream.sendLocalResponse(LocalResponse.status(403).body("address not allowed\n"));
        return Action.PAUSE;
    }
}
