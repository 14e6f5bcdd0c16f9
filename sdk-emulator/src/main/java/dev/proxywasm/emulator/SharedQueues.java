package dev.proxywasm.emulator;

import static dev.proxywasm.emulator.HostCalls.fail;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasmResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Envoy's shared queues: registered by name within a VM id (registering again returns the same
 * queue), resolved by VM id and name from any VM, first in first out.
 */
public final class SharedQueues {
    private final IdCounter ids;
    private final Map<String, Integer> idsByName = new HashMap<>();
    private final Map<Integer, ArrayDeque<byte[]>> queues = new HashMap<>();

    SharedQueues(IdCounter ids) {
        this.ids = ids;
    }

    private static String key(String vmId, String name) {
        return vmId + "\0" + name;
    }

    /** {@code proxy_register_shared_queue}. */
    int register(String vmId, String name) {
        return idsByName.computeIfAbsent(key(vmId, name), k -> {
            int id = ids.next();
            queues.put(id, new ArrayDeque<>());
            return id;
        });
    }

    /** The id of queue {@code name} of VM {@code vmId}, or -1. */
    public int id(String vmId, String name) {
        return idsByName.getOrDefault(key(vmId, name), -1);
    }

    /** {@code proxy_enqueue_shared_queue}. */
    public void enqueue(int id, byte[] data) {
        queue(id, HostFunction.PROXY_ENQUEUE_SHARED_QUEUE).add(data.clone());
    }

    /** {@code proxy_dequeue_shared_queue}: the oldest item, or null when the queue is empty. */
    byte[] dequeue(int id) {
        return queue(id, HostFunction.PROXY_DEQUEUE_SHARED_QUEUE).poll();
    }

    private ArrayDeque<byte[]> queue(int id, HostFunction function) {
        ArrayDeque<byte[]> queue = queues.get(id);
        if (queue == null) {
            throw fail(function, WasmResult.NOT_FOUND);
        }
        return queue;
    }

    /** What is on queue {@code id}, oldest first, without removing it. */
    public List<byte[]> contents(int id) {
        ArrayDeque<byte[]> queue = queues.get(id);
        return queue == null ? List.of() : new ArrayList<>(queue);
    }
}
