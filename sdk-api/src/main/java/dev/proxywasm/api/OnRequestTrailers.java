package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_request_trailers}: once, when request trailers arrive (gRPC and other requests
 * that end with trailers); most requests have none and never get this call.
 *
 * <p>Parameters, injected by type: {@link Headers} (the request trailers), {@link HttpStream},
 * {@code int} (number of trailers). Returns {@link Action} or {@code void}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnRequestTrailers {}
