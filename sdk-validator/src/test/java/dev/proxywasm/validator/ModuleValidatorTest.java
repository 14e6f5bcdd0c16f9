package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.validator.Problem.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleValidatorTest {

    private static ValidationReport validate(TinyModule module) {
        return ModuleValidator.validate(module.bytes());
    }

    /** A problem as tools see it: kind, module, name, found and expected signature, no message. */
    private static List<Object> fact(Kind kind, String module, String name, String found, String expected) {
        return Arrays.asList(kind, module, name, found, expected);
    }

    private static List<List<Object>> facts(ValidationReport report) {
        return report.problems().stream()
                .map(p -> fact(p.kind(), p.module(), p.name(), p.found(), p.expected()))
                .toList();
    }

    @Test
    void acceptsAModuleWithEverythingEnvoyNeeds() {
        ValidationReport report = validate(TinyModule.loadable());

        assertEquals(List.of(), report.problems());
        assertEquals(List.of("env.proxy_log (i32,i32,i32)->i32", "wasi_snapshot_preview1.fd_write (i32,i32,i32,i32)->i32"),
                report.imports().stream().map(Symbol::toString).toList());
        assertEquals(List.of(new Symbol("env", "proxy_log", "(i32,i32,i32)->i32"),
                new Symbol("wasi_snapshot_preview1", "fd_write", "(i32,i32,i32,i32)->i32")), report.imports());
        assertTrue(report.exports().contains(new Symbol(null, "malloc", "(i32)->i32")));
        assertTrue(report.exports().stream().map(Symbol::toString).toList().contains("memory (memory)"));
        assertFalse(report.exports().get(report.exports().size() - 1).isFunction());
    }

    @Test
    void rejectsAForeignImport() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("acme", "lookup", "(i32)->i32"));

        assertEquals(List.of("imports acme.lookup, which no proxy-wasm host provides"), report.errors());
        assertEquals(List.of(fact(Kind.UNKNOWN_IMPORT, "acme", "lookup", "(i32)->i32", null)), facts(report));
        assertEquals(Problem.Severity.ERROR, report.problems().get(0).severity());
    }

    @Test
    void rejectsAnImportThatIsNotAFunction() {
        ValidationReport report = validate(TinyModule.loadable().importGlobal("env", "counter"));

        assertEquals(List.of("imports env.counter (global): Envoy provides only functions"), report.errors());
        assertEquals(List.of(fact(Kind.NON_FUNCTION_IMPORT, "env", "counter", "global", null)), facts(report));
        assertEquals("env.counter (global)", report.imports().get(report.imports().size() - 1).toString());
    }

    @Test
    void rejectsAnEnvFunctionOutsideTheAbi() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("env", "proxy_get_configuration",
                "(i32,i32)->i32"));

        assertEquals(List.of("imports env.proxy_get_configuration, which is not a proxy-wasm ABI 0.2.1 host function"
                + " (it is ABI 0.1.0 only)"), report.errors());
        assertEquals(List.of(fact(Kind.UNKNOWN_HOST_FUNCTION, "env", "proxy_get_configuration", "(i32,i32)->i32",
                null)), facts(report));
    }

    @Test
    void rejectsAHostFunctionImportedWithTheWrongSignature() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("env", "proxy_increment_metric",
                "(i32,i32)->i32"));

        assertEquals(List.of("imports env.proxy_increment_metric as (i32,i32)->i32, but the host defines it as"
                + " (i32,i64)->i32"), report.errors());
        assertEquals(List.of(fact(Kind.WRONG_IMPORT_SIGNATURE, "env", "proxy_increment_metric", "(i32,i32)->i32",
                "(i32,i64)->i32")), facts(report));
    }

    @Test
    void rejectsAWasiFunctionImportedWithTheWrongSignature() {
        ValidationReport report = validate(TinyModule.loadable().importFunction("wasi_unstable", "clock_time_get",
                "(i32,i32,i32)->i32"));

        assertEquals(List.of("imports wasi_unstable.clock_time_get as (i32,i32,i32)->i32, but WASI defines it as"
                + " (i32,i64,i32)->i32"), report.errors());
        assertEquals(List.of(fact(Kind.WRONG_IMPORT_SIGNATURE, "wasi_unstable", "clock_time_get",
                "(i32,i32,i32)->i32", "(i32,i64,i32)->i32")), facts(report));
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
        assertEquals(List.of(
                fact(Kind.UNSUPPORTED_WASI_FUNCTION, "wasi_snapshot_preview1", "proc_raise", "(i32)->i32", null),
                fact(Kind.RECENT_WASI_FUNCTION, "wasi_snapshot_preview1", "sched_yield", "()->i32", "()->i32")),
                facts(report));
        assertEquals(Problem.Severity.WARNING, report.problems().get(1).severity());
    }

    @Test
    void rejectsAModuleWithoutTheAbiMarker() {
        ValidationReport report = validate(TinyModule.loadable().without("proxy_abi_version_0_2_1"));

        assertEquals(List.of("exports no proxy_abi_version_0_2_1: the ABI marker; Envoy answers \"Missing or unknown Proxy-Wasm ABI version\""),
                report.errors());
        assertEquals(List.of(fact(Kind.MISSING_ABI_VERSION, null, "proxy_abi_version_0_2_1", null, null)),
                facts(report));
    }

    @Test
    void acceptsEitherAllocatorButNotNeither() {
        assertFalse(validate(TinyModule.loadable().without("malloc")).hasErrors());
        assertFalse(validate(TinyModule.loadable().without("proxy_on_memory_allocate")).hasErrors());

        ValidationReport report = validate(TinyModule.loadable().without("malloc").without("proxy_on_memory_allocate"));

        assertEquals(List.of("exports no allocator: Envoy needs malloc or proxy_on_memory_allocate to hand data to"
                + " the plugin"), report.errors());
        assertEquals(List.of(fact(Kind.MISSING_ALLOCATOR, null, null, null, null)), facts(report));
    }

    @Test
    void rejectsAModuleThatReliesOnStart() {
        ValidationReport report = validate(TinyModule.loadable().without("_initialize").export("_start", "()->()"));

        assertEquals(List.of(
                "exports no _initialize: without it Envoy runs _start, which a reactor module must not have",
                "exports _start: a WASI command; a proxy-wasm module is a reactor"), report.errors());
        assertEquals(List.of(fact(Kind.MISSING_INITIALIZE, null, "_initialize", null, null),
                fact(Kind.COMMAND_EXPORT, null, "_start", "()->()", null)), facts(report));
    }

    @Test
    void rejectsACallbackWithTheWrongSignature() {
        ValidationReport report = validate(TinyModule.loadable().export("proxy_on_request_headers", "(i32,i32)->i32"));

        assertEquals(List.of("exports proxy_on_request_headers as (i32,i32)->i32, but the host calls it as"
                + " (i32,i32,i32)->i32: Envoy refuses the module"), report.errors());
        assertEquals(List.of(fact(Kind.WRONG_CALLBACK_SIGNATURE, null, "proxy_on_request_headers", "(i32,i32)->i32",
                "(i32,i32,i32)->i32")), facts(report));
    }

    @Test
    void warnsAboutAMisspeltCallback() {
        ValidationReport report = validate(TinyModule.loadable().export("proxy_on_request_header", "(i32,i32,i32)->i32"));

        assertFalse(report.hasErrors());
        assertEquals(List.of("exports proxy_on_request_header, which no host calls (a misspelt callback?)"),
                report.warnings());
        assertEquals(List.of(fact(Kind.UNKNOWN_CALLBACK, null, "proxy_on_request_header", "(i32,i32,i32)->i32", null)),
                facts(report));
        assertEquals(Problem.Severity.WARNING, report.problems().get(0).severity());
    }

    @Test
    void rejectsAModuleWithoutMemory() {
        ValidationReport report = validate(TinyModule.loadable().withoutMemory());

        assertEquals(List.of("exports no memory named \"memory\": the host cannot exchange data"), report.errors());
        assertEquals(List.of(fact(Kind.MISSING_MEMORY, null, "memory", null, null)), facts(report));
    }

    @Test
    void rejectsBytesThatAreNoModule() {
        ValidationReport report = ModuleValidator.validate(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});

        assertTrue(report.hasErrors());
        assertTrue(report.errors().get(0).startsWith("not a valid WebAssembly module: "), report.errors().get(0));
        Problem problem = report.problems().get(0);
        assertEquals(Kind.INVALID_MODULE, problem.kind());
        assertNull(problem.name());
        assertEquals(List.of(), report.imports());
    }

    @Test
    void anExplainedProblemKeepsItsFactsAndSaysMore() {
        Problem problem = validate(TinyModule.loadable().importFunction("acme", "lookup", "(i32)->i32")).problems().get(0);

        Problem explained = problem.explained("; it comes from Acme.lookup()");

        assertEquals("imports acme.lookup, which no proxy-wasm host provides; it comes from Acme.lookup()",
                explained.message());
        assertEquals("error: " + explained.message(), explained.toString());
        assertEquals(fact(problem.kind(), problem.module(), problem.name(), problem.found(), problem.expected()),
                fact(explained.kind(), explained.module(), explained.name(), explained.found(), explained.expected()));
    }
}
