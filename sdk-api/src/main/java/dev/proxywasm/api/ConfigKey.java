package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON key of a {@link PluginConfiguration} component when it differs from the component's
 * name, as when the configuration's format predates the record ({@code "target-url-prefixes"}).
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface ConfigKey {
    /** The key as it appears in the configuration. */
    String value();
}
