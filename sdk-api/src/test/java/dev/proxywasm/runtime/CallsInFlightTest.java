package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The calls in flight by token, including the token 0 the int-keyed table cannot hold. */
class CallsInFlightTest {
    private final CallsInFlight calls = new CallsInFlight();

    @Test
    void tokenZeroIsKeptLikeAnyOther() {
        InFlightCall call = InFlightCall.http(5, response -> {});
        calls.put(0, call);

        assertSame(call, calls.get(0));
        assertSame(call, calls.remove(0));
        assertNull(calls.get(0));
        assertNull(calls.remove(0));
    }

    @Test
    void aDeletedContextLosesItsCallsAndOnlyThose() {
        InFlightCall kept = InFlightCall.http(6, response -> {});
        for (int token = 0; token < 40; token++) {
            calls.put(token, token == 17 ? kept : InFlightCall.http(5, response -> {}));
        }

        calls.forgetContext(5);

        for (int token = 0; token < 40; token++) {
            if (token == 17) {
                assertSame(kept, calls.get(token));
            } else {
                assertNull(calls.get(token), "token " + token);
            }
        }
    }
}
