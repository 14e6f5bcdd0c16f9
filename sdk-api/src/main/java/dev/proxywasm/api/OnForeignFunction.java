package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the host invokes one of the plugin's functions ({@code proxy_on_foreign_function}).
 *
 * <p>Parameters, injected by type: {@code int} (the function id), {@link Body} (the arguments).
 * Returns {@code void}. Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnForeignFunction {}
