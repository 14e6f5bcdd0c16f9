package bad;

import dev.proxywasm.api.Headers;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class RepeatedParameter {
    @OnRequestHeaders
    void request(Headers first,
            Headers second) {}
}
