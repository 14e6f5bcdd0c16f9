package bad;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.OnRequestBody;
import dev.proxywasm.api.OnWholeRequestBody;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class ChunksAndWholeBody {
    @OnRequestBody
    Action chunk(Body body) {
        return Action.CONTINUE;
    }

    @OnWholeRequestBody
    void whole(Body body) {}
}
