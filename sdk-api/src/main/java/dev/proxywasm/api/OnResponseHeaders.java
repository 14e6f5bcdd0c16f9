package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_response_headers}: once per HTTP stream, when the response headers reach this
 * filter: the upstream's, or a local reply's (the plugin's own, or Envoy's such as a 503 when no
 * upstream answers).
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
