package dev.proxywasm.samples.grpcstream;

import dev.proxywasm.api.GrpcCall;
import dev.proxywasm.api.GrpcStatus;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginShutdown;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.Utf8;
import java.util.List;

/**
 * Streams {@code METHOD path} of every request to {@code logs.v1.Collector/Push} over one gRPC
 * stream (bidirectional) per plugin. A stream the collector closes, or asks to drop ({@code stop},
 * then cancelled), is reopened on the next request; shutdown half-closes the stream and closes it.
 */
@ProxyWasmPlugin
public final class GrpcStreamLog {
    static final String CLUSTER = "log_collector";
    private GrpcCall stream;

    @OnPluginStart
    void start() {
        open();
    }

    private void open() {
        stream = GrpcCall.stream(CLUSTER, "logs.v1.Collector", "Push", List.of(), new GrpcCall.Handler() {
            @Override
            public void onMessage(GrpcCall call, byte[] message) {
                String text = Utf8.decode(message);
                if (text.equals("stop")) {
                    // The collector is shedding load: drop this stream; the next request opens another.
                    call.cancel();
                    stream = null;
                } else {
                    Log.debug("collector says " + text);
                }
            }

            @Override
            public void onClose(GrpcCall call, GrpcStatus status, String message) {
                Log.warn("collector stream closed: " + status + " " + message);
                if (call == stream) {
                    stream = null;
                }
            }
        });
    }

    @OnRequestHeaders
    void request(Headers headers) {
        if (stream == null) {
            open();
        }
        stream.send(Utf8.encode(headers.get(":method") + " " + headers.get(":path")), false);
    }

    @OnPluginShutdown
    boolean shutdown() {
        if (stream != null) {
            stream.send(new byte[0], true);
            stream.close();
        }
        return true;
    }
}
