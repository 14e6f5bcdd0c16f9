package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_request_headers}: once per HTTP stream, when the request headers reach this filter.
 *
 * <p>Parameters, in any order, injected by type: {@link Headers} (the request headers),
 * {@link HttpStream}, {@code int} (number of headers), {@code boolean} (end of stream: no body
 * follows). Returns {@link Action} or {@code void} ({@link Action#CONTINUE}). Pausing here stops
 * the request body callbacks until the stream is resumed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnRequestHeaders {}
