package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.Connection;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.LocalResponse;
import dev.proxywasm.api.Log;
import dev.proxywasm.abi.WasmResult;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handles bound to their context, against a host that records each call with the context it acts on. */
class BoundContextsTest {
    private static final int ROOT = 1;

    /** Each host call as {@code context:method}. */
    private final List<String> calls = new ArrayList<>();
    private Set<Integer> unknownToTheHost = Set.of();
    private int hostEffective;

    private Host host() {
        return (Host) Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {Host.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setEffectiveContext")) {
                        int id = (Integer) args[0];
                        if (unknownToTheHost.contains(id)) {
                            throw new HostCallException("proxy_set_effective_context", WasmResult.BAD_ARGUMENT);
                        }
                        hostEffective = id;
                        calls.add("switch to " + id);
                        return null;
                    }
                    calls.add(hostEffective + ":" + method.getName());
                    return switch (method.getName()) {
                        case "getLogLevel", "getBufferSize" -> 0;
                        default -> null;
                    };
                });
    }

    /** What the host does on each callback: call it with its context effective. */
    private int enter(int contextId) {
        hostEffective = contextId;
        return CallbackContext.enter(contextId);
    }

    @BeforeEach
    void bind() {
        HostBinding.bind(host());
        Contexts.putRoot(ROOT, new Object());
    }

    @AfterEach
    void unbind() {
        Contexts.clear();
        HostBinding.bind(null);
        CallbackContext.exit(0);
    }

    @Test
    void aHandleOfTheRunningStreamActsWithoutSwitching() {
        enter(7);

        HttpStream stream = CallbackArguments.httpStream(7);
        stream.requestHeaders().add("a", "b");
        stream.resumeRequest();

        assertEquals(List.of("7:addHeaderMapValue", "7:continueStream"), calls);
    }

    @Test
    void aKeptHandleSwitchesToItsStreamAndTheNextCallWithoutAHandleSwitchesBack() {
        enter(7);
        HttpStream kept = CallbackArguments.httpStream(7);
        CallbackContext.exit(0);
        enter(9);
        Headers own = CallbackArguments.httpStream(9).requestHeaders();

        kept.requestHeaders().add("a", "b");
        kept.resumeRequest();
        own.add("c", "d");
        kept.responseBody().append("e");
        Log.info("f");

        assertEquals(List.of("switch to 7", "7:addHeaderMapValue", "7:continueStream", "switch to 9",
                "9:addHeaderMapValue", "switch to 7", "7:setBufferBytes", "switch to 9", "9:log"),
                calls);
    }

    @Test
    void aTickActsOnTheStreamsItKeptThroughTheirHandles() {
        enter(7);
        HttpStream first = HttpStream.current();
        CallbackContext.exit(0);
        enter(9);
        HttpStream second = HttpStream.current();
        second.sendLocalResponse(LocalResponse.status(403));
        CallbackContext.exit(0);
        calls.clear();
        enter(ROOT);

        first.resumeRequest();
        second.closeResponse();

        assertEquals(List.of("switch to 7", "7:continueStream", "switch to 9", "9:closeStream"), calls);
    }

    @Test
    void aStreamHasOneHandleUntilItEnds() {
        enter(7);
        HttpStream stream = HttpStream.current();

        assertSame(stream, CallbackArguments.httpStream(7));
        assertSame(stream.requestHeaders(), stream.requestHeaders());
        assertSame(stream.requestBody(), CallbackArguments.httpStream(7).requestBody());

        CallbackContext.deleted(7);
        assertNotSame(stream, CallbackArguments.httpStream(7), "a later context with the same id is another stream");
    }

    @Test
    void everyHandleOfAnEndedStreamRefusesNamingIt() {
        enter(7);
        HttpStream stream = HttpStream.current();
        Headers headers = stream.requestHeaders();
        Body body = stream.requestBody();
        CallbackContext.exit(0);
        CallbackContext.deleted(7);
        enter(9);

        for (Runnable use : List.<Runnable>of(stream::resumeRequest, () -> headers.get("a"),
                () -> headers.add("a", "b"), body::bytes, () -> stream.sendLocalResponse(LocalResponse.status(500)))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, use::run);
            assertEquals("this HTTP stream (context 7) has ended; keep values, not handles", refused.getMessage());
        }
        assertEquals(List.of(), calls, "nothing reached the host");
        assertEquals(7, stream.id(), "the id stays readable, for logs");
    }

    @Test
    void aConnectionTheHostNoLongerKnowsHasEnded() {
        enter(7);
        Connection connection = Connection.current();
        CallbackContext.exit(0);
        unknownToTheHost = Set.of(7);
        enter(ROOT);

        IllegalStateException refused = assertThrows(IllegalStateException.class, connection::closeDownstream);

        assertEquals("this TCP connection (context 7) has ended; keep values, not handles", refused.getMessage());
    }

    @Test
    void aPluginWideCallbackHasNoCurrentStream() {
        enter(ROOT);

        IllegalStateException refused = assertThrows(IllegalStateException.class, HttpStream::current);

        assertEquals("HttpStream.current() runs in a plugin-wide callback (context 1), not a stream's: keep the"
                + " handle of the stream to act on", refused.getMessage());
        assertThrows(IllegalStateException.class, Connection::current);
    }

    @Test
    void outsideCallbacksThereIsNoCurrentStream() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, HttpStream::current);

        assertEquals("no proxy-wasm callback is running: handles come from callbacks", refused.getMessage());
    }

    @Test
    void afterANestedCallbackTheNextCallSetsTheContextAgain() {
        enter(7);
        HttpStream stream = HttpStream.current();
        int outer = enter(7);
        CallbackContext.exit(outer);

        stream.resumeRequest();

        assertEquals(List.of("switch to 7", "7:continueStream"), calls);
    }

    @Test
    void manyStreamsComeAndGoInAnyOrder() {
        List<HttpStream> streams = new ArrayList<>();
        for (int id = 2; id < 1002; id++) {
            streams.add(CallbackArguments.httpStream(id));
        }
        for (int id = 2; id < 1002; id += 3) {
            CallbackContext.deleted(id);
        }
        for (int i = 0; i < streams.size(); i++) {
            int id = i + 2;
            boolean deleted = (id - 2) % 3 == 0;
            assertEquals(!deleted, streams.get(i) == CallbackArguments.httpStream(id), "stream " + id);
        }
    }
}
