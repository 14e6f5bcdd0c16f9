package bad;

import dev.proxywasm.api.OnResponseBody;

public class HandlerWithoutPlugin {
    @OnResponseBody
    void body() {}
}
