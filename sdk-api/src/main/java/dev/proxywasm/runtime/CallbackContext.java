package dev.proxywasm.runtime;

import java.util.function.IntConsumer;

/**
 * The id of the context whose callback is running, and the context the host's calls act on now
 * (its effective context). The glue sets both on entry to each callback and restores the previous
 * id on exit, so a callback nested inside a host call (a local reply runs the plugin's own
 * response callbacks) sees its own id. A handle of another stream moves the effective context
 * ({@link HostBinding#hostFor}); the next call without a handle moves it back
 * ({@link HostBinding#host}).
 */
public final class CallbackContext {
    /** The effective context after a nested callback returned: the host restored one we did not record. */
    private static final int UNKNOWN = -1;

    private static int current;
    private static int effective;
    private static IntConsumer onDelete;
    private static IntConsumer endHandles;

    private CallbackContext() {}

    /** The running callback's context id; 0 outside callbacks. */
    public static int current() {
        return current;
    }

    /**
     * Makes {@code contextId} current and returns the id it replaces, for {@link #exit}. The host
     * calls each callback with the callback's context effective.
     */
    public static int enter(int contextId) {
        int previous = current;
        current = contextId;
        effective = contextId;
        return previous;
    }

    /**
     * Restores the id {@link #enter} returned. The host restores its effective context as it was
     * before the nested callback; the next host call sets it again rather than guess it.
     */
    public static void exit(int previous) {
        current = previous;
        effective = UNKNOWN;
    }

    /** The context the host's calls act on now, as far as the runtime knows. */
    static int effective() {
        return effective;
    }

    /** The host made {@code contextId} effective ({@code proxy_set_effective_context}). */
    static void effective(int contextId) {
        effective = contextId;
    }

    /**
     * Runs {@code hook} for each context the host deletes: for state kept per context outside the
     * runtime (the calls in flight), registered when the first such state is made, so that a module
     * that keeps none carries none of it.
     */
    public static void onDelete(IntConsumer hook) {
        onDelete = hook;
    }

    /** Ends the handles of each context the host deletes; {@link BoundContexts} sets it with its first context. */
    static void onDeleteEndHandles(IntConsumer hook) {
        endHandles = hook;
    }

    /**
     * The host deleted {@code contextId} ({@code proxy_on_delete}), for the runtime: its handles end
     * and the hook runs.
     */
    public static void deleted(int contextId) {
        IntConsumer ending = endHandles;
        if (ending != null) {
            ending.accept(contextId);
        }
        IntConsumer hook = onDelete;
        if (hook != null) {
            hook.accept(contextId);
        }
    }
}
