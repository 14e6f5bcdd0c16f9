package dev.proxywasm.runtime;

import dev.proxywasm.api.Action;

/** What the generated glue returns to the host for a callback's result. */
public final class CallbackResults {
    private CallbackResults() {}

    /**
     * The wire code of {@code action}: the ABI's Continue, or Pause to stop iteration.
     *
     * @throws NullPointerException for a handler that returned null, which fails the callback
     */
    public static int action(Action action) {
        if (action == null) {
            throw new NullPointerException("the handler returned null instead of an Action");
        }
        return WireCodes.code(action);
    }
}
