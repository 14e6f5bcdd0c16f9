package bad;

import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class DuplicateHandler {
    @OnRequestHeaders
    void first() {}

    @OnRequestHeaders
    void second() {}
}
