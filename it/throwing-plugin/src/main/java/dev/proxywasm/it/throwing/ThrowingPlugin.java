package dev.proxywasm.it.throwing;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.OnRequestHeaders;
import dev.proxywasm.api.OnResponseHeaders;
import dev.proxywasm.api.ProxyWasmPlugin;

/**
 * Throws from every request: a different exception each time, in rotation, including the kinds the
 * runtime raises itself. Responses are untouched, so a test can tell the plugin still runs.
 */
@ProxyWasmPlugin(stream = ThrowingPlugin.Exchange.class)
public final class ThrowingPlugin {
    private int requests;
    private final Object[] notStrings = {Integer.valueOf(1)};

    /** A plugin's own exception type. */
    static final class PluginBug extends RuntimeException {
        PluginBug(String message) {
            super(message);
        }
    }

    final class Exchange {
        private int[] small = new int[1];
        private String missing;

        @OnRequestHeaders
        Action request(Headers headers) {
            int n = requests++;
            switch (n % 4) {
                case 0 -> {
                    return missing.isEmpty() ? Action.PAUSE : Action.PAUSE;
                }
                case 1 -> small[n] = 1;
                case 2 -> {
                    String s = (String) notStrings[0];
                    headers.add("x-never", s);
                }
                default -> throw new PluginBug("request " + n + " rejected");
            }
            return Action.PAUSE;
        }

        @OnResponseHeaders
        void response(Headers headers) {
            headers.add("x-requests-seen", Integer.toString(requests));
        }
    }
}
