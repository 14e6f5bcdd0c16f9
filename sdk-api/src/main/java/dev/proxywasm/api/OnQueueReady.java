package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when items arrive on a queue this VM registered ({@code proxy_on_queue_ready}).
 *
 * <p>Parameters: {@code int} (the queue id; {@link SharedQueue#of}). Returns {@code void}. Declared on
 * the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnQueueReady {}
