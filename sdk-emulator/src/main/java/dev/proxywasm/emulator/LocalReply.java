package dev.proxywasm.emulator;

import dev.proxywasm.api.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A local response a plugin sent with {@code proxy_send_local_response}, or Envoy's own for a failed VM. */
public record LocalReply(int status, List<Header> headers, byte[] body, String details, int grpcStatus) {

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
