package dev.proxywasm.runtime;

import dev.proxywasm.api.SharedQueue;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared queues this VM registered, by the id the host gave them: {@code proxy_on_queue_ready}
 * carries only the id, and the plugin's {@code @OnQueueReady} handler gets the queue it registered.
 */
public final class RegisteredQueues {
    private static final Map<Integer, SharedQueue> BY_ID = new HashMap<>();

    private RegisteredQueues() {}

    /** Records {@code queue}, which the host registered as {@code id}; a re-registration replaces it. */
    public static void remember(int id, SharedQueue queue) {
        BY_ID.put(id, queue);
    }

    /**
     * The queue registered as {@code id}, for {@code proxy_on_queue_ready}; Envoy only reports queues
     * the VM registered, so any other id is a host error.
     */
    public static SharedQueue byId(int id) {
        SharedQueue queue = BY_ID.get(id);
        if (queue == null) {
            throw new IllegalStateException("the host reported queue " + id + ", which this VM did not register");
        }
        return queue;
    }

    /** Forgets every queue: the JVM test emulator starts each plugin from scratch. */
    public static void clear() {
        BY_ID.clear();
    }
}
