package dev.proxywasm.teavm.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleValidatorTest {

    private static ValidationReport validate(TinyModule module) {
        return ModuleValidator.validate(module.bytes());
    }

    @Test
    void acceptsAModuleWithEverythingEnvoyNeeds() {
        ValidationReport report = validate(TinyModule.loadable());

        assertEquals(List.of(), report.problems());
        assertEquals(List.of("env.proxy_log (i32,i32,i32)->i32", "wasi_snapshot_preview1.fd_write (i32,i32,i32,i32)->i32"),
                report.imports());
        assertTrue(report.exports().contains("malloc (i32)->i32"));
        assertTrue(report.exports().contains("memory (memory)"));
    }

    @Test
    void rejectsAnImportFromAnotherModuleNamingTheJavaCall() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("teavmMath", "sin", "(f64)->f64"));

        assertEquals(List.of("imports teavmMath.sin, which no proxy-wasm host provides; it comes from Math.sin"
                + " (or StrictMath.sin) in the plugin's code or its libraries (instead: integer arithmetic, or a"
                + " lookup table; TeaVM's WebAssembly targets have no libm)"), report.errors());
    }

    @Test
    void rejectsSystemNanoTime() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("teavm", "nanoTime", "()->f64"));

        assertEquals(List.of("imports teavm.nanoTime, which no proxy-wasm host provides; it comes from"
                + " System.nanoTime() in the plugin's code or its libraries (instead: Plugin.currentTimeNanos(),"
                + " the host's clock)"), report.errors());
    }

    @Test
    void rejectsThreadsAndSaysWhatToDoInstead() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("teavm", "teavm_interrupt", "()->()"));

        assertEquals(List.of("imports teavm.teavm_interrupt, which no proxy-wasm host provides; it comes from"
                + " Thread.start, join or sleep in the plugin's code or its libraries (instead: a proxy-wasm VM runs"
                + " one callback at a time on one thread: for periodic work use Plugin.setTickPeriod and @OnTick, to"
                + " wait for another service use HttpCall or GrpcCall)"), report.errors());
    }

    @Test
    void rejectsAForeignImport() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("acme", "lookup", "(i32)->i32"));

        assertEquals(List.of("imports acme.lookup, which no proxy-wasm host provides"), report.errors());
    }

    @Test
    void rejectsAnEnvFunctionOutsideTheAbi() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("env", "proxy_get_configuration",
                "(i32,i32)->i32"));

        assertEquals(List.of("imports env.proxy_get_configuration, which is not a proxy-wasm ABI 0.2.1 host function"
                + " (it is ABI 0.1.0 only)"), report.errors());
    }

    @Test
    void rejectsAHostFunctionImportedWithTheWrongSignature() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("env", "proxy_increment_metric",
                "(i32,i32)->i32"));

        assertEquals(List.of("imports env.proxy_increment_metric as (i32,i32)->i32, but the host defines it as"
                + " (i32,i64)->i32"), report.errors());
    }

    @Test
    void rejectsWasiOutsideEnvoysSubsetAndWarnsAboutNewerFunctions() {
        ValidationReport report = validate(TinyModule.loadable()
                .importFunction("wasi_snapshot_preview1", "proc_raise", "(i32)->i32")
                .importFunction("wasi_snapshot_preview1", "sched_yield", "()->i32"));

        assertEquals(List.of("imports wasi_snapshot_preview1.proc_raise, which is outside Envoy's WASI subset"),
                report.errors());
        assertEquals(List.of("imports wasi_snapshot_preview1.sched_yield, which Envoy provides only since 2024-12;"
                + " older Envoy and Istio releases refuse the module"), report.warnings());
    }

    @Test
    void rejectsAModuleWithoutTheAbiMarker() {
        ValidationReport report = validate(TinyModule.loadable().without("proxy_abi_version_0_2_1"));

        assertEquals(List.of("exports no proxy_abi_version_0_2_1: the ABI marker; Envoy answers \"Missing or unknown Proxy-Wasm ABI version\""),
                report.errors());
    }

    @Test
    void acceptsEitherAllocatorButNotNeither() {
        assertFalse(validate(TinyModule.loadable().without("malloc")).hasErrors());
        assertFalse(validate(TinyModule.loadable().without("proxy_on_memory_allocate")).hasErrors());

        ValidationReport report = validate(TinyModule.loadable().without("malloc").without("proxy_on_memory_allocate"));

        assertEquals(List.of("exports no allocator: Envoy needs malloc or proxy_on_memory_allocate to hand data to"
                + " the plugin"), report.errors());
    }

    @Test
    void rejectsAModuleThatReliesOnStart() {
        ValidationReport report = validate(TinyModule.loadable().without("_initialize").export("_start", "()->()"));

        assertEquals(List.of(
                "exports no _initialize: without it Envoy runs _start, which a reactor module must not have",
                "exports _start: a WASI command; a proxy-wasm module is a reactor (TeaVM's _start corrupts its heap"
                        + " when run with argc = 0)"), report.errors());
    }

    @Test
    void rejectsACallbackWithTheWrongSignature() {
        ValidationReport report = validate(TinyModule.loadable().export("proxy_on_request_headers", "(i32,i32)->i32"));

        assertEquals(List.of("exports proxy_on_request_headers as (i32,i32)->i32, but the host calls it as"
                + " (i32,i32,i32)->i32: Envoy refuses the module"), report.errors());
    }

    @Test
    void warnsAboutAMisspeltCallback() {
        ValidationReport report = validate(TinyModule.loadable().export("proxy_on_request_header", "(i32,i32,i32)->i32"));

        assertFalse(report.hasErrors());
        assertEquals(List.of("exports proxy_on_request_header, which no host calls (a misspelt callback?)"),
                report.warnings());
    }

    @Test
    void rejectsAModuleWithoutMemory() {
        ValidationReport report = validate(TinyModule.loadable().withoutMemory());

        assertEquals(List.of("exports no memory named \"memory\": the host cannot exchange data"), report.errors());
    }

    @Test
    void rejectsBytesThatAreNoModule() {
        ValidationReport report = ModuleValidator.validate(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});

        assertTrue(report.hasErrors());
        assertTrue(report.errors().get(0).startsWith("not a valid WebAssembly module: "), report.errors().get(0));
    }
}
