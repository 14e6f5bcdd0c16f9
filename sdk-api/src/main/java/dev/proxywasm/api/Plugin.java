package dev.proxywasm.api;

import dev.proxywasm.runtime.HostBinding;

/** The plugin's own lifecycle: ticks, deferred shutdown, time. */
public final class Plugin {
    private Plugin() {}

    /** Asks for {@code @OnTick} every {@code millis} milliseconds; 0 stops the ticks. */
    public static void setTickPeriod(int millis) {
        HostBinding.host().setTickPeriodMilliseconds(millis);
    }

    /**
     * Tells the host the plugin finished the shutdown it deferred by returning false from
     * {@code @OnPluginShutdown} ({@code proxy_done}); Envoy then deletes the plugin.
     */
    public static void finishShutdown() {
        HostBinding.host().done();
    }

    /** Wall-clock time in nanoseconds since the epoch, from the host. */
    public static long currentTimeNanos() {
        return HostBinding.host().getCurrentTimeNanoseconds();
    }
}
