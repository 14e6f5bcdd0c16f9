package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_log}: once per HTTP stream, after its last callback, when Envoy writes its access
 * logs. Every stream gets it, also one that ended early: answered by a local reply, reset, or left
 * by the client, in which case some callbacks never came. Envoy deletes the stream right after,
 * and the SDK releases its state.
 *
 * <p>Parameters, injected by type: {@link HttpStream} (the stream's maps can still be read, as
 * access logs read them). Returns {@code void}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnStreamDone {}
