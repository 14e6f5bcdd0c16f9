package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_queue_ready}: after an item was enqueued, by any VM, on a queue this VM registered
 * ({@link SharedQueue#register}); once per enqueue, outside any stream. Dequeue until
 * {@link SharedQueue#dequeue()} returns null: another callback may have taken the item already.
 *
 * <p>Parameters: {@link SharedQueue} (the queue, as {@link SharedQueue#register} returned it).
 * Returns {@code void}. Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnQueueReady {}
