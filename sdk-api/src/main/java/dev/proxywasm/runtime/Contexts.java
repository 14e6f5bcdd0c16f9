package dev.proxywasm.runtime;

import dev.proxywasm.runtime.BoundContexts;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.IntObjectMap;

/**
 * Context id → state object, for the generated glue: the plugin instance of each root context and
 * the state of each live stream. A stream's entry is removed in {@code proxy_on_delete}, so no
 * state outlives its stream.
 */
public final class Contexts {
    // Made on first use rather than by a static initializer: the glue calls this class in every
    // export, and an initializer would cost an initialization check at each call.
    private static IntObjectMap<Object> roots;
    private static IntObjectMap<Object> streams;

    private Contexts() {}

    /** Records the plugin instance of root context {@code id}. */
    public static void putRoot(int id, Object plugin) {
        roots().put(id, plugin);
    }

    /** Records the state of stream {@code id}. */
    public static void putStream(int id, Object state) {
        streams().put(id, state);
    }

    /** The plugin instance of root context {@code id}. */
    public static Object root(int id) {
        return known(roots().get(id), "unknown root context ", id);
    }

    /** The state of stream {@code id}. */
    public static Object stream(int id) {
        return known(streams().get(id), "unknown stream context ", id);
    }

    /**
     * {@code state}, or the refusal for an id the glue does not know: one message built in one
     * place, not in each accessor.
     */
    private static Object known(Object state, String unknown, int id) {
        if (state == null) {
            throw new IllegalStateException(unknown + id);
        }
        return state;
    }

    /** Whether {@code id} is a root context. */
    public static boolean isRoot(int id) {
        return roots().get(id) != null;
    }

    /**
     * Forgets context {@code id}, root or stream, and the callouts and gRPC calls it made: their
     * answers may still come (Envoy owns them by the root context) and are then dropped. Its
     * handles end: a plugin that kept one gets a clear error instead of acting on another stream.
     */
    public static void delete(int id) {
        Guard.forget(id);
        WholeBody.forget(id);
        CallbackContext.deleted(id);
        if (streams().remove(id) == null) {
            roots().remove(id);
        }
    }

    private static IntObjectMap<Object> roots() {
        if (roots == null) {
            roots = new IntObjectMap<>();
        }
        return roots;
    }

    private static IntObjectMap<Object> streams() {
        if (streams == null) {
            streams = new IntObjectMap<>();
        }
        return streams;
    }

    /** Forgets every context: the JVM test emulator starts each plugin from scratch. */
    public static void clear() {
        roots = null;
        streams = null;
        Guard.clear();
        WholeBody.clear();
        BoundContexts.clear();
    }
}
