package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_upstream_data}: for each chunk of data from the upstream server on a TCP
 * connection, the last one with end of stream when the server half-closes.
 *
 * <p>Parameters, injected by type: {@link Body} (upstream data buffered so far), {@link Connection},
 * {@code int} (its size), {@code boolean} (end of stream). Returns {@link Action} or {@code void}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnUpstreamData {}
