package dev.proxywasm.api;

/**
 * What happens to the stream or connection whose callback threw. The VM never traps on a
 * plugin's exception either way: Envoy would fail every later request after a single trap, so the
 * failure is contained to the one stream. Chosen per plugin with
 * {@link ProxyWasmPlugin#failurePolicy()}.
 *
 * <p>Either way the failure is logged once at error level, naming the callback, the plugin method
 * and the exception. Exceptions outside a stream (ticks, queues, foreign functions, plugin shutdown) are
 * only logged; an exception in {@link OnPluginStart} or {@link OnVmStart} fails plugin start.
 */
public enum FailurePolicy {
    /**
     * The default, as Envoy's own default for a failed plugin: refuse what the plugin could not
     * check. Before the response has started (request callbacks, response headers) the stream gets
     * a local reply {@code 500} whose response-code details are
     * {@code proxy_wasm_exception{PluginClass}}; from the response body or trailers, when part of the
     * response may already be on its way, the stream is reset; a TCP connection is closed. A
     * callout or gRPC callback that throws fails the stream that made the call in the same way.
     */
    FAIL_CLOSED,

    /**
     * The stream continues as if the callback had returned {@link Action#CONTINUE}: for plugins
     * whose failure must never cost a request, such as ones that only add telemetry or decorate
     * responses.
     */
    FAIL_OPEN
}
