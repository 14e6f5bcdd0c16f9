package bad;

import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class PrivateHandler {
    @OnRequestBody
    private void body() {}
}
