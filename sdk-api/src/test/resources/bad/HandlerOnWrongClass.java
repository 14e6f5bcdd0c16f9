package bad;

import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin(stream = HandlerOnWrongClass.Exchange.class)
public class HandlerOnWrongClass {
    @OnRequestHeaders
    void request() {}

    final class Exchange {}
}
