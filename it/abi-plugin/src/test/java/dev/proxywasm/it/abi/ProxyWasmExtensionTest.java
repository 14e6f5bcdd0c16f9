package dev.proxywasm.it.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.Mode;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The {@link ProxyWasmTest} extension itself, driven through JUnit's engine test kit. */
class ProxyWasmExtensionTest {
    static final List<String> SEEN = new ArrayList<>();

    @AfterEach
    void clear() {
        SEEN.clear();
        System.clearProperty("proxywasm.module");
        System.clearProperty("proxywasm.skipMissingModule");
        System.clearProperty("proxywasm.modes");
    }

    /** Fixture: not run by surefire directly (nested classes are excluded), only through the kit. */
    static class RunsTwice {
        private static HostEmulator previous;

        @ProxyWasmTest
        void records(HostEmulator host, Mode mode) {
            assertEquals(mode, host.mode());
            assertTrue(host.startPlugin());
            if (previous != null) {
                assertNotSame(previous, host);
            }
            previous = host;
            SEEN.add(mode.label());
        }
    }

    static class JvmOnly {
        @ProxyWasmTest(modes = Mode.JVM)
        void records(Mode mode) {
            SEEN.add(mode.label());
        }
    }

    /** Fixture: fails after the plugin logged a failure, in both modes. */
    static class FailsAfterAPluginError {
        @ProxyWasmTest
        void fails(HostEmulator host) {
            assertTrue(host.startPlugin());
            int id = host.initializeHttpContext();
            host.callOnRequestHeaders(id, List.of(new dev.proxywasm.api.Header("x-op", "throw")), true);
            assertEquals("expected", "actual");
        }
    }

    static class NoModes {
        @ProxyWasmTest(modes = {})
        void never(HostEmulator host) {}
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    void runsOncePerModeWithDisplayNamesAndAFreshEmulatorEachTime() {
        Events events = run(RunsTwice.class);

        events.assertStatistics(stats -> stats.started(2).succeeded(2).failed(0).skipped(0).aborted(0));
        assertEquals(List.of("[jvm]", "[wasm]"), events.started().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList());
        assertEquals(List.of("jvm", "wasm"), SEEN);
    }

    @Test
    void runsOnlyTheModesAsked() {
        run(JvmOnly.class).assertStatistics(stats -> stats.started(1).succeeded(1));

        assertEquals(List.of("jvm"), SEEN);
    }

    @Test
    void aMissingModuleFailsTheWasmRunAndSaysHowToBuildIt() {
        System.setProperty("proxywasm.module", "target/no-such.wasm");

        Events events = run(RunsTwice.class);

        events.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                message(m -> m.contains("the compiled plugin module is missing") && m.contains("mvn process-classes")))));
    }

    @Test
    void aMissingModuleIsASkipWhenAskedFor() {
        System.setProperty("proxywasm.module", "target/no-such.wasm");
        System.setProperty("proxywasm.skipMissingModule", "true");

        run(RunsTwice.class).assertStatistics(stats -> stats.started(1).succeeded(1).skipped(1).failed(0));
    }

    @Test
    void theJvmOnlyLoopSkipsTheWasmRunsAndNeedsNoModule() {
        System.setProperty("proxywasm.modes", "jvm");
        System.setProperty("proxywasm.module", "target/no-such.wasm");

        Events events = run(RunsTwice.class);

        events.assertStatistics(stats -> stats.started(1).succeeded(1).skipped(1).failed(0));
        assertEquals(List.of("jvm"), SEEN);
    }

    @Test
    void aFailureSaysWhichModeFailedAndWhatThePluginLogged() {
        Events events = run(FailsAfterAPluginError.class);

        events.assertStatistics(stats -> stats.started(2).failed(2));
        String line = "\nthe plugin logged:\n  proxy_on_request_headers failed in AbiExerciser.Exchange.requestHeaders:"
                + " java.lang.IllegalStateException: op throw; the stream gets a 500 (fail closed)";
        events.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m -> m.equals(
                "[wasm] expected: <expected> but was: <actual>" + line)))));
        // On the JVM the stack follows, down to the plugin's own line.
        events.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m -> m.startsWith(
                "[jvm] expected: <expected> but was: <actual>" + line + "\n  java.lang.IllegalStateException: op throw")
                && m.contains("at dev.proxywasm.it.abi.AbiExerciser$Exchange.requestHeaders(AbiExerciser.java:")))));
    }

    @Test
    void noModesIsAnError() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoModes.class)).execute()
                .containerEvents();

        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m -> m.contains("runs nothing")))));
    }
}
