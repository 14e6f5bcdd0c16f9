package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once when an HTTP stream has completed, as access logs are written
 * ({@code proxy_on_log}); the stream state is released right after.
 *
 * <p>Parameters, injected by type: {@link HttpStream}. Returns {@code void}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnStreamDone {}
