package dev.proxywasm.api;

import dev.proxywasm.runtime.HostBinding;

/**
 * A queue between VMs on the proxy: one registers it (and gets {@code @OnQueueReady} when items
 * arrive), others resolve it by VM id and name and enqueue.
 */
public final class SharedQueue {
    private final int id;

    private SharedQueue(int id) {
        this.id = id;
    }

    /** Registers (or re-registers) this VM's queue {@code name}. */
    public static SharedQueue register(String name) {
        return new SharedQueue(HostBinding.host().registerSharedQueue(Utf8.encode(name)));
    }

    /** The queue {@code name} of VM {@code vmId}, or null if no such queue. */
    public static SharedQueue resolve(String vmId, String name) {
        int id = HostBinding.host().resolveSharedQueue(Utf8.encode(vmId), Utf8.encode(name));
        return id < 0 ? null : new SharedQueue(id);
    }

    /** The queue with this id, as {@code @OnQueueReady} passes it. */
    public static SharedQueue of(int id) {
        return new SharedQueue(id);
    }

    public int id() {
        return id;
    }

    public void enqueue(byte[] item) {
        HostBinding.host().enqueueSharedQueue(id, item);
    }

    public void enqueue(String text) {
        enqueue(Utf8.encode(text));
    }

    /** The oldest item, or null when the queue is empty. */
    public byte[] dequeue() {
        return HostBinding.host().dequeueSharedQueue(id);
    }
}
