package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The only values a {@link PluginConfiguration} string component accepts, for a closed set that is
 * not worth an enum ({@code @AllowedValues({"GET", "POST"})}); the schema lists them as its enum.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface AllowedValues {
    /** The accepted values, exactly as written. */
    String[] value();
}
