package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proxywasm.validator.Problem;
import dev.proxywasm.validator.Problem.Kind;
import dev.proxywasm.validator.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator's problems, as a TeaVM build explains them in Java terms. */
class TeaVmHintsTest {

    private static Problem unknownImport(String module, String name, String signature) {
        return new Problem(Kind.UNKNOWN_IMPORT, module, name, signature, null,
                "imports " + module + "." + name + ", which no proxy-wasm host provides");
    }

    private static List<String> explained(Problem... problems) {
        return TeaVmHints.explain(new ValidationReport(List.of(problems), List.of(), List.of())).errors();
    }

    @Test
    void aMathImportNamesTheJavaCallAndWhatToDoInstead() {
        assertEquals(List.of("imports teavmMath.sin, which no proxy-wasm host provides; it comes from Math.sin"
                + " (or StrictMath.sin) in the plugin's code or its libraries (instead: integer arithmetic, or a"
                + " lookup table; TeaVM's WebAssembly targets have no libm)"),
                explained(unknownImport("teavmMath", "sin", "(f64)->f64")));
    }

    @Test
    void systemNanoTimePointsToTheHostsClock() {
        assertEquals(List.of("imports teavm.nanoTime, which no proxy-wasm host provides; it comes from"
                + " System.nanoTime() in the plugin's code or its libraries (instead: Plugin.currentTimeNanos(),"
                + " the host's clock)"), explained(unknownImport("teavm", "nanoTime", "()->f64")));
    }

    @Test
    void threadsSayWhatToDoInstead() {
        assertEquals(List.of("imports teavm.teavm_interrupt, which no proxy-wasm host provides; it comes from"
                + " Thread.start, join or sleep in the plugin's code or its libraries (instead: a proxy-wasm VM runs"
                + " one callback at a time on one thread: for periodic work use Plugin.setTickPeriod and @OnTick, to"
                + " wait for another service use HttpCall or GrpcCall)"),
                explained(unknownImport("teavm", "teavm_interrupt", "()->()")));
    }

    @Test
    void aStartExportSaysWhatTeaVmsStartDoes() {
        Problem start = new Problem(Kind.COMMAND_EXPORT, null, "_start", "()->()", null,
                "exports _start: a WASI command; a proxy-wasm module is a reactor");

        assertEquals(List.of("exports _start: a WASI command; a proxy-wasm module is a reactor (TeaVM's _start"
                + " corrupts its heap when run with argc = 0)"), explained(start));
    }

    @Test
    void importsTeaVmDoesNotEmitAndOtherKindsAreLeftAsTheyAre() {
        Problem foreign = unknownImport("acme", "nanoTime", "()->f64");
        Problem unknownTeaVmCall = unknownImport("teavm", "somethingNew", "()->()");
        Problem global = new Problem(Kind.NON_FUNCTION_IMPORT, "teavm", "nanoTime", "global", null,
                "imports teavm.nanoTime (global): Envoy provides only functions");

        assertEquals(List.of(foreign.message(), unknownTeaVmCall.message(), global.message()),
                explained(foreign, unknownTeaVmCall, global));
    }
}
