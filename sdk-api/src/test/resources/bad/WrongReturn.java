package bad;

import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class WrongReturn {
    @OnResponseHeaders
    int response() {
        return 0;
    }
}
