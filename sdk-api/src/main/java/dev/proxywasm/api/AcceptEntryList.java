package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link PluginConfiguration} map that also accepts a list of one-key objects,
 * {@code [{"404": "a"}, {"503": "b"}]} for {@code {"404": "a", "503": "b"}}: what Istio makes of a
 * YAML list of {@code key: value} lines. Each entry must have exactly one key, and a key may appear
 * once in the whole list.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.CLASS)
public @interface AcceptEntryList {}
