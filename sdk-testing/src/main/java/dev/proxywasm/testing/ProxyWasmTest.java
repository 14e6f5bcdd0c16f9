package dev.proxywasm.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per {@link Mode}, shown as {@code [jvm]} and {@code [wasm]}, each time with a
 * fresh {@link HostEmulator} injected as a parameter (a {@link Mode} parameter can be injected too).
 *
 * <pre>{@code
 * @ProxyWasmTest
 * void addsHeader(HostEmulator host) {
 *     assertTrue(host.withPluginConfiguration("{}").startPlugin());
 *     int id = host.initializeHttpContext();
 *     host.callOnResponseHeaders(id, List.of(new Header(":status", "200")), true);
 *     ProxyWasmAssertions.assertHeader(host.getCurrentResponseHeaders(id), "x-hello", "world");
 * }
 * }</pre>
 *
 * <p>The plugin is the module's {@code @ProxyWasmPlugin} class; the compiled module is the one
 * {@code proxy-wasm-maven-plugin:build} wrote. If it is missing the {@code [wasm]} run fails and says
 * how to build it; {@code -Dproxywasm.skipMissingModule=true} turns that into a skip for IDE runs.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ProxyWasmExtension.class)
public @interface ProxyWasmTest {
    /** The modes to run in. */
    Mode[] modes() default {Mode.JVM, Mode.WASM};
}
