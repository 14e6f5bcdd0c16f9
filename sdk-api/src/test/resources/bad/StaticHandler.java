package bad;

import dev.proxywasm.api.OnPluginStart;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class StaticHandler {
    @OnPluginStart
    static boolean start() {
        return true;
    }
}
