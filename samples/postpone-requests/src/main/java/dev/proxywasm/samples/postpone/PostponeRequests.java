package dev.proxywasm.samples.postpone;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.HttpStream;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnStreamDone;
import dev.proxywasm.api.OnTick;
import dev.proxywasm.api.Plugin;
import dev.proxywasm.api.ProxyWasmPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go SDK's {@code postpone_requests}: every request is held until the next tick, which resumes
 * all held requests at once. The plugin keeps each held stream's {@link HttpStream}: a handle acts
 * on its own stream from any callback, here the plugin's tick. A stream that ends while held (the
 * client went away) is dropped from the list, since its handle can no longer act.
 */
@ProxyWasmPlugin
public final class PostponeRequests {
    private final List<HttpStream> held = new ArrayList<>();

    @OnPluginStart
    void start() {
        Plugin.setTickPeriod(100);
    }

    @OnRequestHeaders
    Action request(HttpStream stream) {
        held.add(stream);
        return Action.PAUSE;
    }

    @OnTick
    void tick() {
        for (HttpStream stream : held) {
            stream.resumeRequest();
        }
        if (!held.isEmpty()) {
            Log.info("resumed " + held.size() + " requests");
        }
        held.clear();
    }

    @OnStreamDone
    void done(HttpStream stream) {
        held.remove(stream);
    }
}
