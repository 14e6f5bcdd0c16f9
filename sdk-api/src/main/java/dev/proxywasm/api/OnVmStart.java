package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code proxy_on_vm_start}: right before {@link OnPluginStart}, on the same plugin instance, with
 * the VM's configuration. Despite its name, Envoy calls it for every plugin instance the VM starts
 * (one per plugin configuration sharing the VM, on each worker's VM, and again for the new instance
 * after a re-configuration), not once per VM: keep work meant once per VM behind a static field.
 *
 * <p>Parameters: {@link Configuration} (the VM's {@code vm_config.configuration}). Returns
 * {@code boolean} ({@code false} fails this plugin instance's start) or {@code void} (success).
 * Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnVmStart {}
