package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inclusive bounds of an {@code int} or {@code long} {@link PluginConfiguration} component
 * (without it, the type's own range): {@code @Range(min = 100, max = 599) int status}.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface Range {
    /** The smallest value accepted. */
    long min() default Long.MIN_VALUE;

    /** The largest value accepted. */
    long max() default Long.MAX_VALUE;
}
