package dev.proxywasm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once with the complete response body, after its last byte arrived: whether the response
 * ends on a body chunk or on trailers (as gRPC responses do, when Envoy delivers the last chunk
 * without end of stream and then the trailers). The SDK buffers the body until then (Envoy holds
 * it; nothing goes on before the handler returns) and calls the handler before any
 * {@link OnResponseTrailers} handler. A response that ends with its headers, or whose trailers follow
 * its headers directly, has no body and never gets this call.
 *
 * <p>Parameters, injected by type: {@link Body} (the whole response body: read it, or change it),
 * {@link HttpStream}, {@code int} (its size in bytes). Returns {@link Action} or {@code void}:
 * {@link Action#CONTINUE} lets the response go on with the body as the handler left it;
 * {@link Action#PAUSE} holds it until the plugin resumes it (after a callout, say) or replies.
 *
 * <p>A plugin declares either this or {@link OnResponseBody}, not both. Unless {@link #readOnly()},
 * the SDK removes {@code content-length} from the response headers as they pass, since the handler
 * may change the body's length and a stale length would corrupt the response; Envoy then frames the
 * body itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface OnWholeResponseBody {
    /**
     * The largest body the SDK buffers, in bytes (default 1 MiB, Envoy's default buffer limit).
     * A larger response resets the stream (its headers are already on their way), and the handler is not called.
     */
    int maxBytes() default 1 << 20;

    /**
     * Whether the handler only reads the body. Then {@code content-length} stays in the headers;
     * a read-only handler that changes the body anyway sends a wrong length.
     */
    boolean readOnly() default false;
}
