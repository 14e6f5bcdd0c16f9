package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_foreign_function}: when the host runs one of its functions in the plugin, outside
 * any stream. The host defines the functions and their ids (Envoy's own foreign functions run the
 * other way, called by the plugin with {@link ForeignFunction#call}).
 *
 * <p>Parameters, injected by type: {@link ForeignFunction.Id} (which function), {@code byte[]} (its
 * arguments). Returns {@code void}. Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnForeignFunction {}
