package bad;

import dev.proxywasm.api.ProxyWasmPlugin;

@ProxyWasmPlugin(stream = StreamWithoutConstructor.Exchange.class)
public class StreamWithoutConstructor {
    static final class Exchange {
        Exchange(int id) {}
    }
}
