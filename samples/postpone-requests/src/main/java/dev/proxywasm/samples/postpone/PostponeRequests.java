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
 * all held requests at once (switching to each stream with {@link HttpStream#setEffective}).
 */
@ProxyWasmPlugin
public final class PostponeRequests {
    private final List<Integer> held = new ArrayList<>();

    @OnPluginStart
    void start() {
        Plugin.setTickPeriod(100);
    }

    @OnRequestHeaders
    Action request(HttpStream stream) {
        held.add(stream.id());
        return Action.PAUSE;
    }

    @OnTick
    void tick() {
        for (int id : held) {
            HttpStream.setEffective(id);
            HttpStream.current().resumeRequest();
        }
        if (!held.isEmpty()) {
            Log.info("resumed " + held.size() + " requests");
        }
        held.clear();
    }

    @OnStreamDone
    void done(HttpStream stream) {
        held.remove(Integer.valueOf(stream.id()));
    }
}
