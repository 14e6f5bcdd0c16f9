package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called every tick period ({@code proxy_on_tick}) once the plugin asked for ticks with
 * {@link Plugin#setTickPeriod}. No parameters; returns {@code void}. Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnTick {}
