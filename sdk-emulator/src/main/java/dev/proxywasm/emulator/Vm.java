package dev.proxywasm.emulator;

import dev.proxywasm.abi.GuestExport;

/**
 * The plugin's VM as Envoy runs it: every callback with its context active for the host calls it
 * makes, and the VM failed for good by a trap, after which every callback is skipped. Also the
 * root context's lifecycle: start, configuration updates, ticks, finish.
 */
public final class Vm implements Guest {
    private final Guest guest;
    private final EmulatedHost host;
    private int nextContextId = EmulatedHost.ROOT_CONTEXT_ID + 1;
    private boolean failOpen;
    private boolean started;
    private Trap trap;

    Vm(Guest guest, EmulatedHost host) {
        this.guest = guest;
        this.host = host;
    }

    @Override
    public boolean exports(GuestExport export) {
        return guest.exports(export);
    }

    /**
     * Calls {@code export} with the context it names (its first argument) active; a trap fails the
     * VM, and on a failed VM nothing is called and the result is 0.
     */
    @Override
    public int call(GuestExport export, int... args) {
        if (trap != null) {
            return 0;
        }
        int previous = host.activeContext();
        if (!export.parameters().isEmpty() && export.parameters().get(0).name().endsWith("context_id")) {
            host.activate(args[0]);
        }
        try {
            return guest.call(export, args);
        } catch (Trap e) {
            trap = e;
            return 0;
        } finally {
            host.activate(previous);
        }
    }

    @Override
    public int memoryPages() {
        return guest.memoryPages();
    }

    @Override
    public void close() {
        guest.close();
    }

    /** The id of a new stream or connection context. */
    int newContextId() {
        return nextContextId++;
    }

    /** Creates the root context, starts the VM and configures the plugin; false if either fails. */
    public boolean start() {
        started = true;
        return startRoot(host.rootContextId());
    }

    /**
     * Applies a configuration update as Envoy does when it keeps the VM: a root context with a new
     * id is created, started ({@code proxy_on_vm_start}) and configured; if both succeed it replaces
     * the current one, which is then finished and deleted ({@code proxy_on_done},
     * {@code proxy_on_delete}), else the new one is, and the current one goes on. Streams opened
     * afterwards belong to the root context that goes on. Before {@link #start()}, it is
     * {@link #start()}. Returns whether the update was accepted.
     */
    public boolean reconfigure() {
        if (!started) {
            return start();
        }
        int current = host.rootContextId();
        int next = newContextId();
        boolean accepted = startRoot(next);
        if (accepted) {
            host.replaceRootContext(next);
        }
        retire(accepted ? current : next);
        return accepted;
    }

    /** The id of the root context streams are created under now. */
    public int rootContextId() {
        return host.rootContextId();
    }

    private boolean startRoot(int root) {
        onContextCreate(root, 0);
        return onVmStart(root, host.settings.vmConfiguration().length)
                && onConfigure(root, host.settings.pluginConfiguration().length);
    }

    /**
     * Envoy deletes a root context once it is done: at once, or when it calls {@code proxy_done};
     * the emulator keeps one that is not done at once.
     */
    private void retire(int root) {
        if (onDone(root)) {
            onDelete(root);
        }
    }

    /** Asks the plugin to finish ({@code proxy_on_done}); true if done, false if it will call {@code proxy_done}. */
    public boolean finish() {
        return onDone(host.rootContextId());
    }

    /**
     * Calls {@code proxy_on_tick}, as the host does every tick period, if the plugin asked for
     * ticks: Envoy starts no timer otherwise. Returns whether the plugin was ticked.
     */
    public boolean tick() {
        if (host.tickPeriodMilliseconds() <= 0 || !exports(GuestExport.PROXY_ON_TICK)) {
            return false;
        }
        onTick(host.rootContextId());
        return true;
    }

    /** The tick period the plugin asked for; 0 for none. */
    public int tickPeriodMilliseconds() {
        return host.tickPeriodMilliseconds();
    }

    /** How many times the plugin called {@code proxy_done}. */
    public int doneCalls() {
        return host.doneCalls();
    }

    /** What a trap does to later streams: pass them (true) or reply 503 (false, the default). */
    public void setFailOpen(boolean open) {
        failOpen = open;
    }

    boolean failOpen() {
        return failOpen;
    }

    /** The trap that failed the VM, or null. */
    public Trap trap() {
        return trap;
    }

    public boolean isFailed() {
        return trap != null;
    }
}
