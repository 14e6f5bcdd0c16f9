package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code int} or {@code long} {@link PluginConfiguration} component (or a list or map of them)
 * that also accepts its number written as a JSON string, {@code "404"} for {@code 404}: YAML users
 * quote numbers, and Istio passes the quotes on. The string must hold the integer alone (an
 * optional {@code -} and digits); {@link Range} applies the same way.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface AcceptNumericString {}
