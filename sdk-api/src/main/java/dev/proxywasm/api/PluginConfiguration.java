package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the plugin's configuration, so that {@link OnPluginStart} can take it instead
 * of {@link Configuration}: the SDK generates a strict parser for it at compile time (no
 * reflection, no intermediate tree) and the build writes its JSON Schema
 * ({@code target/<artifactId>.schema.json}). A configuration the parser rejects fails plugin start
 * with one log line naming the JSON path, what was expected and what was found
 * ({@code $.rules[2].status: expected one of ALLOW, DENY, found "BLOCK"}).
 *
 * <p>Components may be {@code String}, {@code boolean}, {@code int}, {@code long}, an enum (read by
 * constant name), another record, {@code List<T>} and {@code Map<String, T>} of these. A component
 * is optional unless {@link Required}: an absent string, enum or record is null, an absent list or
 * map empty, and {@link DefaultValue} gives any scalar a value instead ({@code int}, {@code long}
 * and {@code boolean} need one or {@code Required}). JSON {@code null} is rejected like any other
 * wrong type. The record's constructor may check its values itself: an
 * {@link IllegalArgumentException} it throws rejects the configuration with its message at the
 * record's path. The record's Javadoc ({@code @param} per component) describes the schema.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface PluginConfiguration {
    /**
     * Whether keys the records do not declare are skipped with a warning line each (true) or rejected
     * (false, the default: a misspelt key is a mistake an operator wants to hear about). Applies to
     * the nested records too. Skipping lets a configuration written for a newer version start an
     * older one; the schema still says {@code additionalProperties: false}, because for the version
     * it describes an unknown key is a mistake, which {@code proxy-wasm:manifests} reports.
     */
    boolean ignoreUnknownKeys() default false;
}
