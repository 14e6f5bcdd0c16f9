package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.CalloutRefusedException;
import dev.proxywasm.api.GrpcCall;
import dev.proxywasm.api.GrpcStatus;
import dev.proxywasm.api.HttpCall;
import dev.proxywasm.api.HttpCallResponse;
import dev.proxywasm.abi.WasmResult;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How answers reach (or do not reach) the plugin's callbacks, against a recording host. */
class AsyncDispatchTest {
    /** Every host call, by method name; logs by message. */
    private final List<String> calls = new ArrayList<>();
    private final List<String> logs = new ArrayList<>();
    /** The contexts the host no longer knows, and what it answers for setEffectiveContext. */
    private Set<Integer> gone = Set.of();
    private WasmResult effectiveContextFailure = WasmResult.BAD_ARGUMENT;
    private WasmResult httpCallResult = WasmResult.OK;

    private Host host() {
        return (Host) Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {Host.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    switch (method.getName()) {
                        case "log" -> logs.add(args[1] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) args[1]);
                        case "setEffectiveContext" -> {
                            if (gone.contains((Integer) args[0])) {
                                throw new HostCallException("proxy_set_effective_context", effectiveContextFailure);
                            }
                        }
                        case "httpCall", "grpcCall", "grpcStream" -> {
                            if (httpCallResult != WasmResult.OK) {
                                throw new HostCallException("proxy_http_call", httpCallResult);
                            }
                            return 7;
                        }
                        case "getLogLevel" -> {
                            return 0;
                        }
                        case "getStatus" -> {
                            return new Host.Status(14, "no healthy upstream".getBytes(StandardCharsets.UTF_8));
                        }
                        default -> throw new HostCallException(method.getName(), WasmResult.BAD_ARGUMENT);
                    }
                    return null;
                });
    }

    @AfterEach
    void unbind() {
        AsyncDispatch.clear();
        BoundContexts.clear();
        HostBinding.bind(null);
        CallbackContext.exit(0);
    }

    @Test
    void aFailedCalloutIsReadWithoutAskingTheHost() {
        HostBinding.bind(host());
        CallbackContext.enter(1);
        AtomicReference<HttpCallResponse> seen = new AtomicReference<>();
        AsyncDispatch.awaitHttpCall(3, 1, seen::set);

        AsyncDispatch.httpCallResponse(3, 0, 0, 0);

        HttpCallResponse response = seen.get();
        assertTrue(response.failed());
        assertNull(response.status());
        assertEquals(List.of(), response.headers().all());
        assertNull(response.headers().get(":status"));
        assertFalse(response.headers().contains(":status"));
        assertEquals(0, response.headers().byteSize());
        assertEquals(List.of(), response.trailers().all());
        assertArrayEquals(new byte[0], response.bytes());
        assertEquals("", response.text());
        assertEquals(List.of(), calls, "the host, which refuses these reads, was not asked");
    }

    @Test
    void theCallsOfADeletedStreamAreForgotten() {
        HostBinding.bind(host());
        CallbackContext.enter(5);
        AtomicReference<HttpCallResponse> seen = new AtomicReference<>();
        HttpCall.dispatch("auth", List.of(), null, 100, seen::set);
        CallbackContext.exit(0);

        CallbackContext.deleted(5);
        AsyncDispatch.httpCallResponse(7, 1, 0, 0);

        assertNull(seen.get());
        assertFalse(calls.contains("setEffectiveContext"), calls::toString);
        assertEquals(List.of("proxy_on_http_call_response: no callback waits for call 7 (the stream that made it"
                + " has ended); dropped"), logs);
    }

    @Test
    void anAnswerForAContextTheHostNoLongerKnowsIsDropped() {
        HostBinding.bind(host());
        gone = Set.of(5);
        AtomicReference<HttpCallResponse> seen = new AtomicReference<>();
        AsyncDispatch.awaitHttpCall(3, 5, seen::set);

        AsyncDispatch.httpCallResponse(3, 1, 0, 0);

        assertNull(seen.get());
        assertEquals(1, logs.size(), logs::toString);
        assertEquals(0, CallbackContext.current());
    }

    @Test
    void anyOtherRefusalToSwitchContextsFailsTheCallback() {
        HostBinding.bind(host());
        gone = Set.of(5);
        effectiveContextFailure = WasmResult.INTERNAL_FAILURE;
        AsyncDispatch.awaitHttpCall(3, 5, response -> {});

        AsyncCallbackFailure failure = assertThrows(AsyncCallbackFailure.class,
                () -> AsyncDispatch.httpCallResponse(3, 1, 0, 0));

        assertEquals(5, failure.contextId());
        assertInstanceOf(HostCallException.class, failure.getCause());
    }

    @Test
    void grpcEventsOfADeletedStreamAreDropped() {
        HostBinding.bind(host());
        CallbackContext.enter(5);
        List<String> events = new ArrayList<>();
        GrpcCall.unary("grpc", "s", "m", List.of(), new byte[0], 100, new GrpcCall.Handler() {
            @Override
            public void onClose(GrpcCall call, GrpcStatus status, String message) {
                events.add("close");
            }
        });
        CallbackContext.exit(0);

        CallbackContext.deleted(5);
        AsyncDispatch.grpcClose(7, 0);

        assertEquals(List.of(), events);
        assertEquals(1, logs.size(), logs::toString);
    }

    @Test
    void aRefusedDispatchThrowsAndRegistersNothing() {
        HostBinding.bind(host());
        httpCallResult = WasmResult.BAD_ARGUMENT;

        CalloutRefusedException refused = assertThrows(CalloutRefusedException.class,
                () -> HttpCall.dispatch("billing", List.of(), null, 100, response -> {}));

        assertEquals("proxy_http_call", refused.function());
        assertEquals("billing", refused.cluster());
        assertEquals(CalloutRefusedException.Reason.BAD_ARGUMENT, refused.reason());
        assertTrue(refused.getMessage().startsWith("proxy_http_call to cluster billing was refused: BAD_ARGUMENT"),
                refused.getMessage());

        httpCallResult = WasmResult.PARSE_FAILURE;
        CalloutRefusedException grpc = assertThrows(CalloutRefusedException.class,
                () -> GrpcCall.stream("logs", "s", "m", List.of(), new GrpcCall.Handler() {}));
        assertEquals("proxy_grpc_stream", grpc.function());
        assertEquals(CalloutRefusedException.Reason.PARSE_FAILURE, grpc.reason());

        httpCallResult = WasmResult.CAS_MISMATCH;
        CalloutRefusedException other = assertThrows(CalloutRefusedException.class,
                () -> HttpCall.dispatch("billing", List.of(), null, 100, response -> {}));
        assertEquals(CalloutRefusedException.Reason.OTHER, other.reason());
        assertTrue(other.getMessage().contains("CAS_MISMATCH"), other.getMessage());
    }

    @Test
    void aGrpcCallEndsWithItsStatusByNameAndTheHostsMessage() {
        HostBinding.bind(host());
        List<String> events = new ArrayList<>();
        GrpcCall.Handler handler = new GrpcCall.Handler() {
            @Override
            public void onClose(GrpcCall call, GrpcStatus status, String message) {
                events.add(call.token() + " " + status + " " + message);
            }
        };
        GrpcCall.unary("grpc", "s", "m", List.of(), new byte[0], 100, handler);
        AsyncDispatch.grpcClose(7, 14);
        GrpcCall.unary("grpc", "s", "m", List.of(), new byte[0], 100, handler);
        AsyncDispatch.grpcClose(7, 99);

        assertEquals(List.of("7 UNAVAILABLE no healthy upstream", "7 UNKNOWN no healthy upstream"), events);
    }
}
