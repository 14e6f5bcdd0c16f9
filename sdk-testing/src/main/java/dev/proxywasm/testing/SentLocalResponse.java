package dev.proxywasm.testing;

import dev.proxywasm.api.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A local response a plugin sent with {@code proxy_send_local_response}. */
public record SentLocalResponse(int status, List<Header> headers, byte[] body, String details, int grpcStatus) {

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header of the reply, or {@code null}. */
    public String header(String name) {
        return HeaderMap.of(headers).get(name);
    }
}
