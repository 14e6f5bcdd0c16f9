package dev.proxywasm.runtime;

/**
 * The {@link BoundContext} of each live context that has handles, by context id: made on first
 * use, ended and forgotten when the host deletes the context. The running callback's is one field
 * read away; another's is one probe of an int-keyed table (no boxing, no per-entry objects).
 */
public final class BoundContexts {
    private static int[] ids = new int[16];
    private static BoundContext[] contexts = new BoundContext[16];
    private static int size;
    private static BoundContext last;
    /** The plugins' root contexts: few, and known before any handle. */
    private static int[] roots = new int[0];
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
            context = find(contextId);
            if (context == null) {
                context = new BoundContext(contextId, isRoot(contextId) ? BoundContext.ROOT : BoundContext.UNKNOWN);
                put(context);
            }
            last = context;
        }
        return context;
    }

    /** Records that {@code contextId} is a plugin's root context, where no stream handle exists. */
    public static void root(int contextId) {
        int[] more = new int[roots.length + 1];
        System.arraycopy(roots, 0, more, 0, roots.length);
        more[roots.length] = contextId;
        roots = more;
    }

    private static boolean isRoot(int contextId) {
        for (int root : roots) {
            if (root == contextId) {
                return true;
            }
        }
        return false;
    }

    /** The host deleted {@code contextId}: its handles end. */
    private static void ended(int contextId) {
        BoundContext context = remove(contextId);
        if (context != null) {
            context.end();
        }
        if (last != null && last.id == contextId) {
            last = null;
        }
    }

    /** Forgets every context: the JVM test emulator starts each plugin from scratch. */
    public static void clear() {
        java.util.Arrays.fill(ids, 0);
        java.util.Arrays.fill(contexts, null);
        size = 0;
        last = null;
        roots = new int[0];
        endsDeletedContexts = false;
        CallbackContext.onDeleteEndHandles(null);
    }

    private static BoundContext find(int id) {
        int mask = ids.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            if (ids[i] == id) {
                return contexts[i];
            }
            if (ids[i] == 0) {
                return null;
            }
        }
    }

    private static void put(BoundContext context) {
        if (!endsDeletedContexts) {
            endsDeletedContexts = true;
            CallbackContext.onDeleteEndHandles(BoundContexts::ended);
        }
        if ((size + 1) * 4 > ids.length * 3) {
            grow();
        }
        insert(ids, contexts, context.id, context);
        size++;
    }

    private static BoundContext remove(int id) {
        int mask = ids.length - 1;
        int i = slot(id, mask);
        while (ids[i] != id) {
            if (ids[i] == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
        BoundContext removed = contexts[i];
        size--;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int gap = i;
        for (int j = (gap + 1) & mask; ids[j] != 0; j = (j + 1) & mask) {
            int home = slot(ids[j], mask);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                ids[gap] = ids[j];
                contexts[gap] = contexts[j];
                gap = j;
            }
        }
        ids[gap] = 0;
        contexts[gap] = null;
        return removed;
    }

    private static void grow() {
        int[] newIds = new int[ids.length * 2];
        BoundContext[] newContexts = new BoundContext[ids.length * 2];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != 0) {
                insert(newIds, newContexts, ids[i], contexts[i]);
            }
        }
        ids = newIds;
        contexts = newContexts;
    }

    private static void insert(int[] intoIds, BoundContext[] intoContexts, int id, BoundContext context) {
        int mask = intoIds.length - 1;
        int i = slot(id, mask);
        while (intoIds[i] != 0) {
            i = (i + 1) & mask;
        }
        intoIds[i] = id;
        intoContexts[i] = context;
    }

    private static int slot(int id, int mask) {
        int h = id * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
