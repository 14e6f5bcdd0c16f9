package bad;

import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.api.OnRequestHeaders;

@ProxyWasmPlugin
public class TwoPluginsSecond {
    @OnRequestHeaders
    void request() {}
}
