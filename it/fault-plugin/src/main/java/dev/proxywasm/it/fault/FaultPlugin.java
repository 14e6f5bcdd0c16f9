package dev.proxywasm.it.fault;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.FailurePolicy;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.List;

/**
 * Misbehaves on request: {@code x-fault} picks the fault. Every response gets {@code x-served}, so
 * a test can see the plugin still serves the request after the faulty one. It fails open, so that
 * the faulty request itself also goes on to its response.
 */
@ProxyWasmPlugin(stream = FaultPlugin.Exchange.class, failurePolicy = FailurePolicy.FAIL_OPEN)
public final class FaultPlugin {
    private int served;

    final class Exchange {
        private String fault = "";

        @OnRequestHeaders
        Action request(Headers headers) {
            fault = String.valueOf(headers.get("x-fault"));
            switch (fault) {
                case "recurse" -> headers.add("x-depth", Integer.toString(depth(0)));
                case "throw" -> throw new UnsupportedOperationException("fault " + headers.get(":path"));
                case "allocate" -> {
                    byte[] big = new byte[Integer.parseInt(headers.get("x-bytes"))];
                    headers.add("x-allocated", Integer.toString(big.length));
                }
                case "divide" -> {
                    int a = Integer.parseInt(headers.get("x-a"));
                    int b = Integer.parseInt(headers.get("x-b"));
                    headers.add("x-quotient", Integer.toString(a / b));
                    headers.add("x-remainder", Integer.toString(a % b));
                }
                case "divide-long" -> {
                    long a = Long.parseLong(headers.get("x-a"));
                    long b = Long.parseLong(headers.get("x-b"));
                    headers.add("x-quotient", Long.toString(a / b));
                    headers.add("x-remainder", Long.toString(a % b));
                }
                case "echo" -> {
                    List<Header> all = headers.all();
                    StringBuilder names = new StringBuilder();
                    for (Header h : all) {
                        if (h.name().startsWith("x-echo")) {
                            headers.add("x-echoed" + h.name().substring("x-echo".length()), h.value());
                        }
                        names.append(h.name().length()).append(',');
                    }
                    headers.add("x-header-count", Integer.toString(all.size()));
                }
                default -> {
                }
            }
            return Action.CONTINUE;
        }

        @OnRequestBody
        Action body(Body body, int size, boolean endOfStream) {
            if (!fault.equals("read-body")) {
                return Action.CONTINUE;
            }
            if (!endOfStream) {
                return Action.PAUSE;
            }
            byte[] bytes = body.bytes(0, size);
            Log.info("read " + bytes.length + " body bytes");
            return Action.CONTINUE;
        }

        @OnResponseHeaders
        void response(Headers headers) {
            served++;
            headers.add("x-served", Integer.toString(served));
        }
    }

    private static int depth(int n) {
        return depth(n + 1) + 1;
    }
}
