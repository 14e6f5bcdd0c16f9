package bad;

import dev.proxywasm.api.OnDownstreamConnectionClose;
import dev.proxywasm.api.ProxyWasmPlugin;
import dev.proxywasm.abi.PeerType;

@ProxyWasmPlugin
public class WirePeerParameter {
    @OnDownstreamConnectionClose
    void closed(PeerType peer) {}
}
