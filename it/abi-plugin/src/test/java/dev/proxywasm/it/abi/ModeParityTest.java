package dev.proxywasm.it.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import dev.proxywasm.testing.SentLocalResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same scripted traffic through the plugin on the JVM and through the compiled module must
 * leave the same observable results: headers, bodies, local replies, logs, metrics.
 */
class ModeParityTest {
    private static final List<String> OPERATIONS = List.of("log", "property", "shared", "queue", "metrics", "callout",
            "grpc", "foreign", "local-reply", "body", "replace-body", "pairs", "remove", "replace", "size", "close",
            "throw", "tick", "attributes", "none");

    @Test
    void bothModesProduceTheSameTranscript() {
        List<String> jvm = transcript(Mode.JVM);
        List<String> wasm = transcript(Mode.WASM);

        assertFalse(jvm.isEmpty());
        assertEquals(jvm, wasm);
    }

    private static List<String> transcript(Mode mode) {
        List<String> out = new ArrayList<>();
        try (HostEmulator host = HostEmulator.create(mode, ModeParityTest.class.getClassLoader())) {
            host.withPluginConfiguration("{\"parity\":true}").withCurrentTimeNanos(1L)
                    .withProperty("/parity", "request", "path")
                    .withForeignFunction("reverse", b -> new StringBuilder(new String(b, StandardCharsets.UTF_8))
                            .reverse().toString().getBytes(StandardCharsets.UTF_8));
            out.add("started " + host.startPlugin());
            for (String op : OPERATIONS) {
                int id = host.initializeHttpContext();
                out.add(op + " request " + host.callOnRequestHeaders(id, List.of(new Header(":path", "/" + op),
                        new Header("x-op", op), new Header("x-message", "m"), new Header("x-arg", "abc"),
                        new Header("x-remove-me", "1"), new Header("x-dup", "d"), new Header("x-attributes",
                        "request.path,request.url_path,request.time,request.headers,source.address,connection.id,"
                                + "response.code,response.size,plugin_vm_id")), false));
                for (var call : host.getHttpCallouts()) {
                    host.callOnHttpCallResponse(call.token(), List.of(new Header("x-verdict", "ok")),
                            "body".getBytes(StandardCharsets.UTF_8), List.of());
                }
                out.add(op + " body " + host.callOnRequestBody(id, "chunk-1 ", false)
                        + host.callOnRequestBody(id, "chunk-2", true));
                out.add(op + " response " + host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), false)
                        + host.callOnResponseBody(id, "upstream", true));
                host.tick();
                out.add(op + " request headers " + host.getCurrentRequestHeaders(id));
                out.add(op + " request body " + new String(host.getCurrentRequestBody(id), StandardCharsets.UTF_8));
                out.add(op + " response headers " + host.getCurrentResponseHeaders(id));
                out.add(op + " response body " + host.getCurrentResponseBodyText(id));
                SentLocalResponse reply = host.getSentLocalResponse(id);
                out.add(op + " local reply " + (reply == null ? "none"
                        : reply.status() + " " + reply.headers() + " " + reply.text() + " " + reply.details()));
                host.completeHttpContext(id);
            }
            // On the JVM a failure line goes on with the exception's stack; the module has none.
            host.getAllLogs().forEach(line -> out.add(line.lines().findFirst().orElse("")));
            for (String metric : List.of("exerciser_requests_total", "exerciser_in_flight", "exerciser_body_bytes")) {
                out.add(metric + " = " + host.getMetric(metric));
            }
            out.add("shared " + new String(host.getSharedData("visits"), StandardCharsets.UTF_8));
            out.add("grpc calls " + host.getGrpcCalls().size());
        }
        return out;
    }
}
