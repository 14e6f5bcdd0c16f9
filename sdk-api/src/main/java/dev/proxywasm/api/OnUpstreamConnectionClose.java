package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_upstream_connection_close}: once, when the upstream side of a TCP connection
 * closes, whoever closed it.
 *
 * <p>Parameters, injected by type: {@link Connection}, {@link Peer} (who closed it: {@link Peer#REMOTE}
 * the server, {@link Peer#LOCAL} Envoy). Returns {@code void}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnUpstreamConnectionClose {}
