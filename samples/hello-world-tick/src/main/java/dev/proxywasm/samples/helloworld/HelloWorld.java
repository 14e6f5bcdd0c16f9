package dev.proxywasm.samples.helloworld;

import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnTick;
import dev.proxywasm.api.Plugin;
import dev.proxywasm.api.ProxyWasmPlugin;

/** The Go SDK's {@code helloworld}: says hello at start and logs the time every second. */
@ProxyWasmPlugin
public final class HelloWorld {
    static final int TICK_MILLIS = 1000;

    @OnPluginStart
    void start() {
        Log.info("hello, world! ticking every " + TICK_MILLIS + " ms");
        Plugin.setTickPeriod(TICK_MILLIS);
    }

    @OnTick
    void tick() {
        Log.info("it's " + Plugin.currentTimeNanos() + " ns since the epoch");
    }
}
