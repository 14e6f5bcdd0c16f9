package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_response_trailers}: once, when response trailers arrive (every gRPC response has
 * them); most HTTP responses have none and never get this call.
 *
 * <p>Parameters, injected by type: {@link Headers} (the response trailers), {@link HttpStream},
 * {@code int} (number of trailers). Returns {@link Action} or {@code void}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnResponseTrailers {}
