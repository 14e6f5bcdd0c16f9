package dev.proxywasm.devproxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The upstream used when none is given, so the proxy works with nothing else running:
 * {@code /status/503} answers 503 with a text body, {@code /status/404/empty} a 404 without body,
 * anything else 200 {@code hello from the built-in upstream}.
 */
final class BuiltInUpstream extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        int status = 200;
        boolean empty = false;
        if (path != null && path.startsWith("/status/")) {
            String[] parts = path.substring("/status/".length()).split("/");
            try {
                status = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
                status = 400;
            }
            empty = parts.length > 1 && parts[1].equals("empty");
        }
        response.setStatus(status);
        if (empty) {
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        String body = status == 200 ? "hello from the built-in upstream\n"
                : "upstream answered " + status + " for " + path + "\n";
        response.getHeaders().put("content-type", "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
