package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when a TCP connection opens ({@code proxy_on_new_connection}), for network filters.
 *
 * <p>Parameters: {@link Connection}. Returns {@link Action} or {@code void}. Declared where the HTTP
 * callbacks would be: the plugin class or its stream class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnNewConnection {}
