package dev.proxywasm.samples.parallel;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.HttpCall;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.List;

/**
 * The Go SDK's {@code multiple_dispatches}: each request is held while three services are asked in
 * parallel; when the last answer arrives the request resumes, carrying every answer's status.
 */
@ProxyWasmPlugin(stream = ParallelCallouts.Fanout.class)
public final class ParallelCallouts {
    static final List<String> CLUSTERS = List.of("inventory", "pricing", "reviews");

    final class Fanout {
        private int pending;
        private final StringBuilder statuses = new StringBuilder();

        @OnRequestHeaders
        Action request(HttpStream stream) {
            for (String cluster : CLUSTERS) {
                pending++;
                HttpCall.dispatch(cluster, List.of(new Header(":method", "GET"), new Header(":path", "/health"),
                        new Header(":authority", cluster)), null, 2000, response -> {
                    statuses.append(statuses.length() == 0 ? "" : ",").append(cluster).append('=')
                            .append(response.status());
                    if (--pending == 0) {
                        Log.info("all answered: " + statuses);
                        HttpStream.current().requestHeaders().add("x-upstreams", statuses.toString());
                        HttpStream.current().resumeRequest();
                    }
                });
            }
            return Action.PAUSE;
        }
    }
}
