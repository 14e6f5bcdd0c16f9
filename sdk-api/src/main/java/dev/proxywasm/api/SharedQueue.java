package dev.proxywasm.api;

import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.RegisteredQueues;

/**
 * A queue between VMs on the proxy, named within its VM: one VM {@link #register}s it and gets
 * {@code @OnQueueReady} with this queue when items arrive; any VM {@link #resolve}s it by VM id and
 * name and {@link #enqueue}s. Two handles of the same queue are equal.
 */
public final class SharedQueue {
    private final int id;
    private final String vmId;
    private final String name;

    private SharedQueue(int id, String vmId, String name) {
        this.id = id;
        this.vmId = vmId;
        this.name = name;
    }

    /**
     * Registers (or re-registers) this VM's queue {@code name}; {@code @OnQueueReady} then receives
     * the returned queue.
     */
    public static SharedQueue register(String name) {
        SharedQueue queue = new SharedQueue(HostBinding.host().registerSharedQueue(Utf8.encode(name)), null, name);
        RegisteredQueues.remember(queue.id, queue);
        return queue;
    }

    /** The queue {@code name} of VM {@code vmId} ({@code ""} for this VM's id), or null if there is none. */
    public static SharedQueue resolve(String vmId, String name) {
        int id = HostBinding.host().resolveSharedQueue(Utf8.encode(vmId), Utf8.encode(name));
        return id < 0 ? null : new SharedQueue(id, vmId, name);
    }

    /** The name it was registered or resolved by. */
    public String name() {
        return name;
    }

    /** Adds {@code item} at the end. */
    public void enqueue(byte[] item) {
        HostBinding.host().enqueueSharedQueue(id, item);
    }

    /** Adds {@code text} in UTF-8 at the end. */
    public void enqueue(String text) {
        enqueue(Utf8.encode(text));
    }

    /** Removes and returns the oldest item, or null when the queue is empty. */
    public byte[] dequeue() {
        return HostBinding.host().dequeueSharedQueue(id);
    }

    /** Whether {@code other} is a handle of the same queue. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SharedQueue queue && queue.id == id;
    }

    @Override
    public int hashCode() {
        return id;
    }

    /** {@code SharedQueue http_paths}, or {@code SharedQueue other_vm/http_paths} for another VM's queue. */
    @Override
    public String toString() {
        return "SharedQueue " + (vmId == null || vmId.isEmpty() ? name : vmId + "/" + name);
    }
}
