package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.proxywasm.validator.Problem;
import dev.proxywasm.validator.Problem.Kind;
import dev.proxywasm.validator.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;

/** Which plugin methods lead to an import, read from the problem's fields and a call graph. */
class CallerHintsTest {
    private static final MethodReference NANO_TIME = new MethodReference("java.lang.System",
            new MethodDescriptor("nanoTime", ValueType.LONG));
    private static final MethodReference MILLIS = new MethodReference("java.lang.System",
            new MethodDescriptor("currentTimeMillis", ValueType.LONG));
    private static final MethodReference SIN = new MethodReference("java.lang.Math",
            new MethodDescriptor("sin", ValueType.DOUBLE, ValueType.DOUBLE));
    private static final MethodReference REQUEST = new MethodReference("com.example.Plugin", "request",
            ValueType.VOID);
    private static final MethodReference ANGLE = new MethodReference("com.example.Plugin", "angle",
            ValueType.INTEGER, ValueType.DOUBLE);
    private static final MethodReference DATE = new MethodReference("java.util.Date", "<init>", ValueType.VOID);
    private static final MethodReference STAMP = new MethodReference("com.example.Stamps", "now", ValueType.VOID);

    private final HandWrittenCallGraph graph = new HandWrittenCallGraph()
            .call(REQUEST, NANO_TIME, "com/example/Plugin.java", 13)
            .call(ANGLE, SIN, "com/example/Plugin.java", 18, 21)
            .call(DATE, MILLIS, "java/util/Date.java", 40)
            .call(STAMP, DATE, "com/example/Stamps.java", 7);

    private static Problem unknownImport(String module, String name) {
        return new Problem(Kind.UNKNOWN_IMPORT, module, name, "()->f64", null,
                "imports " + module + "." + name + ", which no proxy-wasm host provides");
    }

    private List<String> explained(Problem... problems) {
        return CallerHints.explain(new ValidationReport(List.of(problems), List.of(), List.of()), graph).errors();
    }

    @Test
    void anImportTeaVmEmitsNamesThePluginMethodAndEveryLineThatCallsIt() {
        assertEquals(List.of(
                "imports teavm.nanoTime, which no proxy-wasm host provides; called from com.example.Plugin.request"
                        + " (Plugin.java:13)",
                "imports teavmMath.sin, which no proxy-wasm host provides; called from com.example.Plugin.angle"
                        + " (Plugin.java:18, 21)"),
                explained(unknownImport("teavm", "nanoTime"), unknownImport("teavmMath", "sin")));
    }

    @Test
    void aCallThroughTheJdkIsFollowedToThePluginsMethod() {
        assertEquals(List.of("imports teavm.currentTimeMillis, which no proxy-wasm host provides; called from"
                + " com.example.Stamps.now (Stamps.java:7)"), explained(unknownImport("teavm", "currentTimeMillis")));
    }

    @Test
    void theFieldsDecideNotTheMessage() {
        Problem otherModule = unknownImport("acme", "nanoTime");
        Problem otherKind = new Problem(Kind.WRONG_IMPORT_SIGNATURE, "teavm", "nanoTime", "()->f64", "()->i64",
                "imports teavm.nanoTime, as a test of the text alone would read it");

        assertEquals(List.of(otherModule.message(), otherKind.message()), explained(otherModule, otherKind));
    }

    @Test
    void withoutACallGraphTheReportIsUnchanged() {
        ValidationReport report = new ValidationReport(List.of(unknownImport("teavm", "nanoTime")), List.of(),
                List.of());

        assertSame(report, CallerHints.explain(report, null));
    }
}
