package bad;

import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class UnknownParameter {
    @OnRequestHeaders
    void request(String path) {}
}
