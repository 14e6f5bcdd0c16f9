package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportStripperTest {

    @Test
    void removesOnlyTheNamedExports() {
        byte[] module = TinyModule.loadable().export("_start", "()->()").export("start", "()->i32").bytes();

        byte[] stripped = ExportStripper.strip(module, Set.of("_start", "start"));

        ValidationReport report = ModuleValidator.validate(stripped);
        assertFalse(report.hasErrors(), report.errors()::toString);
        assertEquals(List.of("proxy_abi_version_0_2_1 ()->()", "_initialize ()->()", "malloc (i32)->i32",
                "proxy_on_memory_allocate (i32)->i32", "proxy_on_context_create (i32,i32)->()", "memory (memory)"),
                report.exports().stream().map(Symbol::toString).toList());
    }

    @Test
    void leavesAModuleWithoutThoseExportsByteForByte() {
        byte[] module = TinyModule.loadable().bytes();

        assertEquals(java.util.Arrays.toString(module),
                java.util.Arrays.toString(ExportStripper.strip(module, Set.of("_start"))));
    }

    @Test
    void refusesSomethingThatIsNotAModule() {
        assertThrows(IllegalArgumentException.class, () -> ExportStripper.strip(new byte[] {1, 2, 3}, Set.of()));
    }
}
