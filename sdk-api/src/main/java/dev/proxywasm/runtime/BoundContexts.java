package dev.proxywasm.runtime;

/**
 * The {@link BoundContext} of each live context that has handles, by context id: made on first
 * use, ended and forgotten when the host deletes the context. The running callback's is one field
 * read away; another's is one probe of the runtime's int-keyed table.
 */
public final class BoundContexts {
    private static final IntObjectMap<BoundContext> CONTEXTS = new IntObjectMap<>();
    private static BoundContext last;
    /** Whether deleted contexts end their handles; from the first handle on, so a module without any carries none of this. */
    private static boolean endsDeletedContexts;

    private BoundContexts() {}

    /**
     * The context whose callback is running.
     *
     * @throws IllegalStateException outside callbacks
     */
    public static BoundContext current() {
        int id = CallbackContext.current();
        BoundContext context = last;
        if (context != null && context.id == id && !context.isEnded()) {
            return context;
        }
        return of(id);
    }

    /**
     * The context {@code contextId}, made on first use.
     *
     * @throws IllegalStateException for 0, the id outside callbacks
     */
    public static BoundContext of(int contextId) {
        BoundContext context = last;
        if (context == null || context.id != contextId || context.isEnded()) {
            if (contextId == 0) {
                throw new IllegalStateException("no proxy-wasm callback is running: handles come from callbacks");
            }
            context = CONTEXTS.get(contextId);
            if (context == null) {
                int kind = Contexts.isRoot(contextId) ? BoundContext.ROOT : BoundContext.UNKNOWN;
                context = new BoundContext(contextId, kind);
                put(context);
            }
            last = context;
        }
        return context;
    }

    /** The host deleted {@code contextId}: its handles end. */
    private static void ended(int contextId) {
        BoundContext context = CONTEXTS.remove(contextId);
        if (context != null) {
            context.end();
        }
        if (last != null && last.id == contextId) {
            last = null;
        }
    }

    /** Forgets every context: the JVM test emulator starts each plugin from scratch. */
    public static void clear() {
        CONTEXTS.clear();
        last = null;
        endsDeletedContexts = false;
        CallbackContext.onDeleteEndHandles(null);
    }

    private static void put(BoundContext context) {
        if (!endsDeletedContexts) {
            endsDeletedContexts = true;
            CallbackContext.onDeleteEndHandles(BoundContexts::ended);
        }
        CONTEXTS.put(context.id, context);
    }
}
