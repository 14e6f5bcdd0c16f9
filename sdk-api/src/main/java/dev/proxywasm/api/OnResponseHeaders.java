package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called with the response headers ({@code proxy_on_response_headers}).
 *
 * <p>Parameters, in any order, injected by type: {@link Headers} (the response headers),
 * {@link HttpStream}, {@code int} (number of headers), {@code boolean} (end of stream: no body
 * follows). Returns {@link Action} or {@code void}. To rewrite the body, continue here (after
 * removing {@code content-length}) and pause in {@link OnResponseBody}: a pause in response
 * headers stops the body callbacks.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnResponseHeaders {}
