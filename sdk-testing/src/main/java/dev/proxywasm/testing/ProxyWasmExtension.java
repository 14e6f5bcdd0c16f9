package dev.proxywasm.testing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.AssertionFailedError;
import org.junit.platform.commons.support.AnnotationSupport;

/** Provides the {@code [jvm]} and {@code [wasm]} invocations of a {@link ProxyWasmTest}. */
final class ProxyWasmExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProxyWasmExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), ProxyWasmTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Mode[] modes = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ProxyWasmTest.class)
                .map(ProxyWasmTest::modes).orElse(Mode.values());
        if (modes.length == 0) {
            throw new IllegalStateException("@ProxyWasmTest(modes = {}) runs nothing; name at least one mode");
        }
        return Arrays.stream(modes).map(Invocation::new);
    }

    /** One run of the test in one mode. */
    private static final class Invocation implements TestTemplateInvocationContext {
        private final Mode mode;

        Invocation(Mode mode) {
            this.mode = mode;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + mode.label() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new SkipWithoutModule(mode), new EmulatorResolver(mode), new NamesTheMode(mode));
        }
    }

    /**
     * Skips a run whose mode {@code -Dproxywasm.modes} leaves out, and, with
     * {@code -Dproxywasm.skipMissingModule=true}, a {@code [wasm]} run without a module.
     */
    private static final class SkipWithoutModule implements ExecutionCondition {
        private final Mode mode;

        SkipWithoutModule(Mode mode) {
            this.mode = mode;
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!PluginUnderTest.modeSelected(mode)) {
                return ConditionEvaluationResult.disabled("[" + mode.label() + "] not selected by -D"
                        + PluginUnderTest.MODES + "=" + System.getProperty(PluginUnderTest.MODES));
            }
            if (mode == Mode.WASM && Boolean.getBoolean(PluginUnderTest.SKIP_MISSING_MODULE)
                    && context.getTestClass().isPresent()
                    && PluginUnderTest.modulePath(context.getRequiredTestClass().getClassLoader()) == null) {
                return ConditionEvaluationResult.disabled(PluginUnderTest.missingModuleMessage());
            }
            return ConditionEvaluationResult.enabled("module present or not needed");
        }
    }

    /** Injects a fresh emulator (closed after the test) and the mode. */
    private static final class EmulatorResolver implements ParameterResolver {
        private final Mode mode;

        EmulatorResolver(Mode mode) {
            this.mode = mode;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == HostEmulator.class || type == Mode.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (parameter.getParameter().getType() == Mode.class) {
                return mode;
            }
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent("emulator", key -> new Closing(create(context)), Closing.class)
                    .emulator;
        }

        private HostEmulator create(ExtensionContext context) {
            ClassLoader loader = context.getRequiredTestClass().getClassLoader();
            try {
                return HostEmulator.create(mode, loader);
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException(e.getMessage());
            }
        }
    }

    /**
     * Puts the mode and the plugin's error and critical log lines into a failed assertion's
     * message: the one line a build log shows must say which run failed and what the plugin said.
     */
    private static final class NamesTheMode implements TestExecutionExceptionHandler {
        private static final int STACK_LINES = 12;
        private final Mode mode;

        NamesTheMode(Mode mode) {
            this.mode = mode;
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (!(failure instanceof AssertionError assertion)) {
                throw failure;
            }
            Closing closing = context.getStore(NAMESPACE).get("emulator", Closing.class);
            StringBuilder message = new StringBuilder("[").append(mode.label()).append("] ")
                    .append(assertion.getMessage() == null ? "" : assertion.getMessage());
            if (closing != null) {
                List<String> lines = new java.util.ArrayList<>(closing.emulator.getCriticalLogs());
                lines.addAll(closing.emulator.getErrorLogs());
                if (closing.emulator.getTrap() != null) {
                    lines.add(closing.emulator.getTrap().getMessage());
                }
                if (!lines.isEmpty()) {
                    message.append("\nthe plugin logged:");
                    // On the JVM a failure line goes on with the exception's stack: keep its top, where
                    // the plugin's own line is.
                    lines.forEach(line -> line.lines().limit(STACK_LINES).forEach(l -> message.append("\n  ").append(l)));
                }
            }
            AssertionError named = assertion instanceof AssertionFailedError afe && afe.isExpectedDefined()
                    ? new AssertionFailedError(message.toString(), afe.getExpected().getValue(),
                            afe.getActual().getValue(), assertion)
                    : new AssertionFailedError(message.toString(), assertion);
            named.setStackTrace(assertion.getStackTrace());
            throw named;
        }
    }

    /** Closes the emulator when the invocation's context closes (JUnit closes stored AutoCloseables). */
    private static final class Closing implements AutoCloseable {
        final HostEmulator emulator;

        Closing(HostEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
