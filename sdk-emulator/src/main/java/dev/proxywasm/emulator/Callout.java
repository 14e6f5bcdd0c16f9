package dev.proxywasm.emulator;

import dev.proxywasm.api.Header;
import java.util.List;

/** An HTTP call a plugin dispatched with {@code proxy_http_call}, waiting for its answer. */
public record Callout(int token, String upstream, List<Header> headers, byte[] body, List<Header> trailers,
        int timeoutMilliseconds) {

    /** The first value of a request header of the call, or {@code null}. */
    public String header(String name) {
        return HeaderMap.of(headers).get(name);
    }
}
