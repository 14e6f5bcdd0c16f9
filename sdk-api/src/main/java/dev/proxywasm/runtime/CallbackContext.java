package dev.proxywasm.runtime;

import java.util.function.IntConsumer;

/**
 * The id of the context whose callback is running. The glue sets it on entry to each callback and
 * restores the previous id on exit, so a callback nested inside a host call (a local reply runs
 * the plugin's own response callbacks) sees its own id.
 */
public final class CallbackContext {
    private static int current;
    private static IntConsumer onDelete;

    private CallbackContext() {}

    /** The running callback's context id; 0 outside callbacks. */
    public static int current() {
        return current;
    }

    /** Makes {@code contextId} current and returns the id it replaces, for {@link #exit}. */
    public static int enter(int contextId) {
        int previous = current;
        current = contextId;
        return previous;
    }

    /** Restores the id {@link #enter} returned. */
    public static void exit(int previous) {
        current = previous;
    }

    /**
     * Runs {@code hook} for each context the host deletes: for state kept per context outside the
     * runtime (the calls in flight), registered when the first such state is made, so that a module
     * that keeps none carries none of it.
     */
    public static void onDelete(IntConsumer hook) {
        onDelete = hook;
    }

    /** The host deleted {@code contextId} ({@code proxy_on_delete}); for the runtime. */
    public static void deleted(int contextId) {
        IntConsumer hook = onDelete;
        if (hook != null) {
            hook.accept(contextId);
        }
    }
}
