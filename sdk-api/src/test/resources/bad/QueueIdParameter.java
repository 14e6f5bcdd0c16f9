package bad;

import dev.proxywasm.api.OnQueueReady;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class QueueIdParameter {
    @OnQueueReady
    void ready(int queueId) {}
}
