package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the client side of a connection closes ({@code proxy_on_downstream_connection_close}).
 *
 * <p>Parameters, injected by type: {@link Connection}, {@link Peer} (who
 * closed it). Returns {@code void}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnDownstreamConnectionClose {}
