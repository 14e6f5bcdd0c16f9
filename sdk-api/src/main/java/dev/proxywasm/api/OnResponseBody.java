package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_response_body}: for each chunk of the response body as it arrives, the last one
 * with end of stream (unless trailers end the response: then {@link OnResponseTrailers} follows).
 *
 * <p>Parameters, injected by type: {@link Body} (the response body buffered so far),
 * {@link HttpStream}, {@code int} (total bytes buffered so far), {@code boolean} (end of stream).
 * Returns {@link Action} or {@code void}; {@link Action#PAUSE} buffers until end of stream.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnResponseBody {}
