package dev.proxywasm.samples.callouttick;

import dev.proxywasm.api.CalloutRefusedException;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.HttpCall;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginShutdown;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnTick;
import dev.proxywasm.api.Plugin;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.SharedData;
import java.util.List;

/**
 * The Go SDK's {@code dispatch_call_on_tick}: every tick, an HTTP call to the {@code config}
 * cluster; each answer's body is stored in shared data for every worker to read. On shutdown the
 * plugin waits for the call in flight before it finishes shutting down. A call that fails or is refused
 * keeps the last configuration and is tried again on the next tick.
 */
@ProxyWasmPlugin
public final class CalloutOnTick {
    static final String KEY = "remote_config";
    private boolean inFlight;
    private boolean stopping;

    @OnPluginStart
    void start() {
        Plugin.setTickPeriod(5000);
    }

    @OnTick
    void tick() {
        if (inFlight || stopping) {
            return;
        }
        try {
            HttpCall.dispatch("config", List.of(new Header(":method", "GET"), new Header(":path", "/config"),
                    new Header(":authority", "config")), null, 3000, response -> {
                inFlight = false;
                if (response.failed()) {
                    Log.warn("remote config unavailable: the call failed");
                } else if (response.status() == 200) {
                    SharedData.set(KEY, response.bytes(), 0);
                    Log.info("remote config updated: " + response.text());
                } else {
                    Log.warn("remote config unavailable: " + response.status());
                }
                if (stopping) {
                    Plugin.finishShutdown();
                }
            });
            // Only a call the host accepted is in flight: a refused one must not stop the next ticks.
            inFlight = true;
        } catch (CalloutRefusedException refused) {
            Log.warn("remote config unavailable: " + refused.getMessage());
        }
    }

    @OnPluginShutdown
    boolean shutdown() {
        stopping = true;
        return !inFlight;
    }
}
