package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the host shuts the plugin down ({@code proxy_on_done} for the root context).
 *
 * <p>No parameters. Returns {@code boolean} ({@code false} asks the host to wait until the plugin
 * calls {@code proxy_done}) or {@code void}. Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnPluginDone {}
