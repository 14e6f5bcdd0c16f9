package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_new_connection}: once per TCP connection, when Envoy accepted it and it reaches
 * this network filter.
 *
 * <p>Parameters: {@link Connection}. Returns {@link Action} or {@code void}. Declared where the HTTP
 * callbacks would be: the plugin class or its stream class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnNewConnection {}
