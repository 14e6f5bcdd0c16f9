package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_done} for the plugin's root context: Envoy is removing this plugin instance,
 * because a re-configuration replaced it with a new instance, its configuration was removed, or
 * Envoy is shutting down.
 *
 * <p>No parameters. Returns {@code boolean} or {@code void} (done at once): {@code false} defers the
 * shutdown until the plugin calls {@link Plugin#finishShutdown()}, e.g. from {@link OnTick} or a
 * gRPC callback once buffered data is flushed; Envoy then deletes the instance. Declared on the
 * plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnPluginShutdown {}
