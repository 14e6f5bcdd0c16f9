package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the plugin is configured ({@code proxy_on_configure}): parse and validate the
 * configuration here. Envoy calls it again with the new configuration on every update.
 *
 * <p>Parameters: {@link Configuration} (the plugin configuration). Returns {@code boolean}
 * ({@code false} fails plugin start; log one line that says why) or {@code void} (success).
 * An exception fails plugin start too. Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnPluginStart {}
