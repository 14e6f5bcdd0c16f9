package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once per VM when it starts ({@code proxy_on_vm_start}), before any plugin starts.
 *
 * <p>Parameters: {@link Configuration} (the VM configuration). Returns {@code boolean}
 * ({@code false} fails the VM) or {@code void} (success). Declared on the plugin class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnVmStart {}
