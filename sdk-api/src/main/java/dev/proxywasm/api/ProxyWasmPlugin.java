package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the plugin class of a module: one per module, with a no-argument constructor. The build
 * generates the proxy-wasm exports for it at compile time.
 *
 * <p>One instance exists per plugin (root context) and holds plugin-wide state such as the parsed
 * configuration. HTTP callbacks ({@link OnRequestHeaders} and its siblings) are declared either on
 * the plugin class itself, when a stream needs no state of its own, or on the {@link #stream()}
 * class, of which one instance is created for every HTTP stream and released when the stream ends.
 *
 * <pre>{@code
 * @ProxyWasmPlugin(stream = AddHeader.Exchange.class)
 * public final class AddHeader {
 *     String value = "hello";
 *
 *     @OnPluginStart
 *     boolean start(Configuration config) { ... }
 *
 *     final class Exchange {          // inner class: sees the plugin's fields
 *         String path;
 *
 *         @OnRequestHeaders
 *         void request(Headers headers) { path = headers.get(":path"); }
 *
 *         @OnResponseHeaders
 *         void response(Headers headers) { headers.add("x-path", path); }
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface ProxyWasmPlugin {
    /**
     * The per-stream state class: an inner class of the plugin with a no-argument constructor, or
     * a static class with a constructor taking the plugin or nothing. {@code void.class} (the
     * default) means the HTTP callbacks are on the plugin class and streams carry no state.
     */
    Class<?> stream() default void.class;

    /**
     * What a stream gets when one of the plugin's callbacks throws: by default a {@code 500} local
     * reply (or a reset, once the response has started), so that a check that crashed never lets a
     * request through. Plugins whose failure must not cost requests opt into
     * {@link FailurePolicy#FAIL_OPEN}.
     */
    FailurePolicy failurePolicy() default FailurePolicy.FAIL_CLOSED;
}
