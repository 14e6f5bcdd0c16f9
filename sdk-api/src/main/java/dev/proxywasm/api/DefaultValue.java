package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of an absent {@link PluginConfiguration} component, written as the configuration would
 * say it: {@code "8080"}, {@code "true"}, {@code "WARN"} (an enum constant), {@code "text/plain"}.
 * For strings, booleans, whole numbers and enums; checked at compile time against the component's
 * type and constraints, so a bad default fails the build rather than the plugin.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface DefaultValue {
    /** The default, as its JSON value without quotes. */
    String value();
}
