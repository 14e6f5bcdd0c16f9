package dev.proxywasm.samples.headerrouting;

import dev.proxywasm.api.Headers;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * Routing by header (the Go SDK's {@code http_routing}, made deterministic): {@code x-api-version: 2}
 * sends the request to {@code /v2/...}, anything else to {@code /v1/...}; the route table then picks
 * the cluster by prefix.
 */
@ProxyWasmPlugin
public final class HeaderRouting {
    @OnRequestHeaders
    void route(Headers headers) {
        String version = "2".equals(headers.get("x-api-version")) ? "v2" : "v1";
        String path = headers.get(":path");
        headers.replace(":path", "/" + version + (path == null ? "/" : path));
        headers.remove("x-api-version");
    }
}
