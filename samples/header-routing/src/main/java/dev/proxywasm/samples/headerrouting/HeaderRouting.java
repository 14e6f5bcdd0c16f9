package dev.proxywasm.samples.headerrouting;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * Routing by header (the Go SDK's {@code http_routing}, made deterministic): {@code x-api-version: 2}
 * sends the request to {@code /v2/...}, anything else to {@code /v1/...}; the route table then picks
 * the cluster by prefix. Client-sent {@code x-internal-*} headers are dropped, and oversized header
 * maps get 431.
 */
@ProxyWasmPlugin
public final class HeaderRouting {
    static final int MAX_HEADER_BYTES = 8192;

    @OnRequestHeaders
    Action route(Headers headers, HttpStream stream) {
        if (headers.byteSize() > MAX_HEADER_BYTES) {
            stream.sendLocalResponse(LocalResponse.status(431).setBody("request headers too large\n"));
            return Action.PAUSE;
        }
        String version = "2".equals(headers.get("x-api-version")) ? "v2" : "v1";
        String path = headers.get(":path");
        headers.set(":path", "/" + version + (path == null ? "/" : path));
        headers.remove("x-api-version");
        // Clients must not choose internal headers: rebuild the map without them.
        List<Header> kept = new ArrayList<>();
        for (Header h : headers.all()) {
            if (!h.name().startsWith("x-internal-")) {
                kept.add(h);
            }
        }
        headers.setAll(kept);
        return Action.CONTINUE;
    }
}
