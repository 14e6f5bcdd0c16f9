package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_configure}: once for each plugin instance, right after Envoy created it (its root
 * context), with the plugin's configuration: parse and validate it here. Envoy makes an instance on
 * each worker's VM, and first one on a throwaway copy of the VM to check a configuration as it
 * arrives. A re-configuration (a new {@code WasmPlugin} or filter configuration) does not call this
 * again on the running instance: Envoy creates a new root context, so the SDK creates a new
 * instance of the plugin class, starts it with the new configuration, and shuts the old one down
 * ({@link OnPluginShutdown}).
 *
 * <p>Parameters: {@link Configuration} (the plugin configuration), or a record marked
 * {@link PluginConfiguration}, which the SDK parses first (a configuration it rejects fails plugin
 * start with one log line naming the JSON path, and this method is not called). Returns {@code boolean}
 * ({@code false} fails plugin start, and Envoy rejects the configuration; log one line that says
 * why) or {@code void} (success). An exception fails plugin start too. Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnPluginStart {}
