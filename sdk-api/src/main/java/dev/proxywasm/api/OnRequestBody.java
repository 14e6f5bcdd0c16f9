package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_request_body}: for each chunk of the request body as it arrives, the last one with
 * end of stream (unless trailers end the request: then the last chunk comes without it, followed by
 * {@link OnRequestTrailers}).
 *
 * <p>Parameters, injected by type: {@link Body} (the request body buffered so far),
 * {@link HttpStream}, {@code int} (total bytes buffered so far, not the chunk size),
 * {@code boolean} (end of stream). Returns {@link Action} or {@code void}; {@link Action#PAUSE}
 * buffers the body until a later chunk continues.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnRequestBody {}
