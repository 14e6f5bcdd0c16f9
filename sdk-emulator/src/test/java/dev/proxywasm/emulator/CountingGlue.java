package dev.proxywasm.emulator;

import dev.proxywasm.abi.LogLevel;
import dev.proxywasm.runtime.Export;
import dev.proxywasm.runtime.HostBinding;
import java.nio.charset.StandardCharsets;

/** A hand-written glue class with static state, as generated glue and the SDK runtime have. */
public final class CountingGlue {
    private static int requests;

    private CountingGlue() {}

    @Export(name = "proxy_on_context_create")
    public static void onContextCreate(int contextId, int parentContextId) {}

    @Export(name = "proxy_on_request_headers")
    public static int onRequestHeaders(int contextId, int headers, int endOfStream) {
        requests++;
        HostBinding.host().log(LogLevel.INFO.code(), ("request " + requests).getBytes(StandardCharsets.UTF_8));
        return 0;
    }
}
