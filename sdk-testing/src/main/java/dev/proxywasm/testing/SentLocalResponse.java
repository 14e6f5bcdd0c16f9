package dev.proxywasm.testing;

import dev.proxywasm.api.Header;
import dev.proxywasm.emulator.HeaderMap;
import dev.proxywasm.emulator.LocalReply;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A local response a plugin sent with {@code proxy_send_local_response}. */
public record SentLocalResponse(int status, List<Header> headers, byte[] body, String details, int grpcStatus) {

    /** The reply as the test sees it; null for none. */
    static SentLocalResponse of(LocalReply reply) {
        return reply == null ? null
                : new SentLocalResponse(reply.status(), reply.headers(), reply.body(), reply.details(), reply.grpcStatus());
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header of the reply, or {@code null}. */
    public String header(String name) {
        return HeaderMap.of(headers).get(name);
    }
}
