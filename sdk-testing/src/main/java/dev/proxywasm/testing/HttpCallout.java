package dev.proxywasm.testing;

import dev.proxywasm.api.Header;
import dev.proxywasm.emulator.Callout;
import dev.proxywasm.emulator.HeaderMap;
import java.util.List;

/** An HTTP call a plugin dispatched with {@code proxy_http_call}, waiting for a response. */
public record HttpCallout(int token, String upstream, List<Header> headers, byte[] body, List<Header> trailers,
        int timeoutMilliseconds) {

    static HttpCallout of(Callout callout) {
        return new HttpCallout(callout.token(), callout.upstream(), callout.headers(), callout.body(),
                callout.trailers(), callout.timeoutMilliseconds());
    }

    /** The first value of a request header of the call, or {@code null}. */
    public String header(String name) {
        return HeaderMap.of(headers).get(name);
    }
}
