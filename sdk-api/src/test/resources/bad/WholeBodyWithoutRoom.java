package bad;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.OnWholeResponseBody;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class WholeBodyWithoutRoom {
    @OnWholeResponseBody(maxBytes = 0)
    void whole(Body body) {}
}
