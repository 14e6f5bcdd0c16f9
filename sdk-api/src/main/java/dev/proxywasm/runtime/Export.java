package dev.proxywasm.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of the generated glue (or of the runtime) as the guest export {@link #name}.
 * Backend-neutral: the WebAssembly build turns it into the compiler's own export marker, and the
 * JVM emulator calls the marked methods by name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Export {
    /** The export's name in the ABI, e.g. {@code proxy_on_request_headers}. */
    String name();
}
