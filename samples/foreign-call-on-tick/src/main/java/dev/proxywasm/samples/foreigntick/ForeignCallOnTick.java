package dev.proxywasm.samples.foreigntick;

import dev.proxywasm.api.Log;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.OnForeignFunction;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnTick;
import dev.proxywasm.api.Plugin;
import dev.proxywasm.api.ForeignFunction;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.Utf8;

/**
 * The Go SDK's {@code foreign_call_on_tick}: every tick, calls the host's {@code compress} function
 * on a message and logs the result size (only when debug logging is on: formatting is skipped
 * otherwise); also answers the host's calls to its own foreign function.
 */
@ProxyWasmPlugin
public final class ForeignCallOnTick {
    private int ticks;

    @OnPluginStart
    void start() {
        Plugin.setTickPeriod(1000);
    }

    @OnTick
    void tick() {
        ticks++;
        byte[] result = ForeignFunction.call("compress", Utf8.encode("hello hello hello hello " + ticks));
        if (result == null) {
            Log.warn("the host has no compress function");
        } else if (Log.isEnabled(LogLevel.DEBUG)) {
            Log.debug("tick " + ticks + ": compressed to " + result.length + " bytes");
        }
    }

    @OnForeignFunction
    void called(ForeignFunction.Id function, byte[] arguments) {
        Log.info("host called " + function + " with " + Utf8.decode(arguments));
    }
}
