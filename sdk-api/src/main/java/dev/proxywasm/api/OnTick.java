package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_tick}: every tick period, once the plugin asked for ticks with
 * {@link Plugin#setTickPeriod} (Envoy starts no timer before). Each plugin instance, on each worker
 * VM, ticks on its own timer, outside any stream. No parameters; returns {@code void}. Declared on
 * the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnTick {}
