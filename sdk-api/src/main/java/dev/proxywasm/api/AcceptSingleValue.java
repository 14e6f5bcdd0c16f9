package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link PluginConfiguration} list that also accepts a lone element as a one-element list:
 * {@code "a.example"} reads as {@code ["a.example"]}. For configurations people write by hand in a
 * {@code WasmPlugin}, where a single value is the common case and the brackets the forgotten ones.
 * The schema says it with {@code anyOf}.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface AcceptSingleValue {}
