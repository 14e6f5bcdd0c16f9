package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link PluginConfiguration} string, list or map that, when present, must not be empty (an empty
 * header name or rule list is a mistake, not a choice). Combine with {@link Required} to demand it.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface NonEmpty {}
