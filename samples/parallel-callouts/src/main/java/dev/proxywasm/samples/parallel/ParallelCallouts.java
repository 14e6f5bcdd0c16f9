package dev.proxywasm.samples.parallel;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.CalloutRefusedException;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.HttpCall;
import dev.proxywasm.api.HttpCallResponse;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.List;

/**
 * The Go SDK's {@code multiple_dispatches}: each request is held while three services are asked in
 * parallel; when the last answer arrives the request resumes, carrying every answer's status. A
 * call that fails counts as answered ({@code failed}), one the proxy refuses is not waited for
 * ({@code refused}), so the request always goes on.
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
                try {
                    HttpCall.dispatch(cluster, List.of(new Header(":method", "GET"), new Header(":path", "/health"),
                            new Header(":authority", cluster)), null, 2000, response -> answered(cluster, response));
                    pending++;
                } catch (CalloutRefusedException refused) {
                    Log.warn(cluster + " not asked: " + refused.getMessage());
                    record(cluster, "refused");
                }
            }
            if (pending == 0) {
                stream.requestHeaders().add("x-upstreams", statuses.toString());
                return Action.CONTINUE;
            }
            return Action.PAUSE;
        }

        private void answered(String cluster, HttpCallResponse response) {
            record(cluster, response.failed() ? "failed" : Integer.toString(response.status()));
            if (--pending == 0) {
                Log.info("all answered: " + statuses);
                HttpStream.current().requestHeaders().add("x-upstreams", statuses.toString());
                HttpStream.current().resumeRequest();
            }
        }

        private void record(String cluster, String status) {
            statuses.append(statuses.length() == 0 ? "" : ",").append(cluster).append('=').append(status);
        }
    }
}
