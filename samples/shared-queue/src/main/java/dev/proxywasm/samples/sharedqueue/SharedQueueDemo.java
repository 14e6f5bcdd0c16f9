package dev.proxywasm.samples.sharedqueue;

import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.OnQueueReady;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.SharedQueue;
import dev.proxywasm.api.Utf8;

/**
 * The Go SDK's {@code shared_queue}, sender and receiver in one module: configured {@code receiver},
 * the plugin registers queue {@code http_paths} and logs what arrives; configured {@code sender}, it
 * enqueues every request's path on the receiver's queue (same VM id).
 */
@ProxyWasmPlugin
public final class SharedQueueDemo {
    static final String QUEUE = "http_paths";
    private SharedQueue queue;
    private boolean sender;

    @OnPluginStart
    boolean start(Configuration configuration) {
        sender = configuration.text().trim().equals("sender");
        queue = sender ? SharedQueue.resolve("", QUEUE) : SharedQueue.register(QUEUE);
        if (queue == null) {
            Log.critical("shared-queue: no receiver has registered " + QUEUE + " yet");
            return false;
        }
        return true;
    }

    @OnRequestHeaders
    void request(Headers headers) {
        if (sender) {
            queue.enqueue(String.valueOf(headers.get(":path")));
        }
    }

    @OnQueueReady
    void ready(SharedQueue ready) {
        byte[] item;
        while ((item = ready.dequeue()) != null) {
            Log.info("received " + Utf8.decode(item));
        }
    }
}
