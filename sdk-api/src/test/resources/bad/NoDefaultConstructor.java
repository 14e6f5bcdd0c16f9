package bad;

import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin
public class NoDefaultConstructor {
    NoDefaultConstructor(String name) {}
}
