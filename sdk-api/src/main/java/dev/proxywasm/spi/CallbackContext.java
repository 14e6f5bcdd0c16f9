package dev.proxywasm.spi;

/**
 * The id of the context whose callback is running. The glue sets it on entry to each callback and
 * restores the previous id on exit, so a callback nested inside a host call (a local reply runs
 * the plugin's own response callbacks) sees its own id.
 */
public final class CallbackContext {
    private static int current;

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
}
