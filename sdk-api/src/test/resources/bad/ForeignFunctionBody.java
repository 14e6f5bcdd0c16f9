package bad;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.OnForeignFunction;
import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class ForeignFunctionBody {
    @OnForeignFunction
    void called(int functionId,
            Body arguments) {}
}
