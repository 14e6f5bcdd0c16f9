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
import java.util.ArrayList;
import java.util.List;

/**
 * The Go SDK's {@code properties} example: requests are allowed only from the source addresses
 * listed in the configuration (comma-separated IPs, IPv4 or IPv6 as Envoy prints them), read from
 * Envoy's {@code source.address} ({@code 10.0.0.1:5000}, {@code [::1]:5000}).
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
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String address = withoutBrackets(text.substring(start, end).trim());
            if (!address.isEmpty()) {
                addresses.add(address);
            }
            start = end + 1;
        }
        if (addresses.isEmpty()) {
            Log.critical("properties-auth: the configuration lists no source address;"
                    + " give comma-separated IPs, e.g. 10.0.0.1, ::1");
            return false;
        }
        allowed = List.copyOf(addresses);
        Log.info("allowing " + allowed + " on " + Properties.pluginName());
        return true;
    }

    @OnRequestHeaders
    Action request(HttpStream stream) {
        String address = String.valueOf(Properties.sourceAddress());
        if (allowed.contains(ipOf(address))) {
            // Leave the decision for access logs and later filters: Envoy keeps it in the stream's
            // filter state as wasm.source_check (%FILTER_STATE(wasm.source_check)% in an access log).
            Properties.set("allowed", "source_check");
            return Action.CONTINUE;
        }
        Log.info("denied " + address + " " + Properties.requestMethod() + " " + Properties.requestPath()
                + " (user-agent " + Properties.requestHeader("user-agent") + ", workload "
                + Properties.nodeMetadata("WORKLOAD_NAME") + ")");
        stream.sendLocalResponse(LocalResponse.status(403).setBody("address not allowed\n"));
        return Action.PAUSE;
    }

    /** The IP of Envoy's {@code ip:port}, where an IPv6 address is in brackets: {@code [::1]:5000}. */
    static String ipOf(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end < 0 ? address : address.substring(1, end);
        }
        int colon = address.indexOf(':');
        boolean ipv4WithPort = colon > 0 && address.lastIndexOf(':') == colon;
        return ipv4WithPort ? address.substring(0, colon) : address;
    }

    private static String withoutBrackets(String ip) {
        return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }
}
