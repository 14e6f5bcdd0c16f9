package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.Program;
import org.teavm.model.ReferenceCache;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.NegateInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/**
 * TeaVM's own {@code WasmRuntime}, read from its jar: {@code align} masks for a power of two and
 * divides only otherwise.
 */
class AlignTransformerTest {
    private static ClassHolder teavmRuntime() {
        return new ClasspathClassHolderSource(new ReferenceCache()).get(AlignTransformer.WASM_RUNTIME);
    }

    @Test
    void aPowerOfTwoIsRoundedUpWithAMask() {
        ClassHolder runtime = teavmRuntime();
        assertEquals(List.of("SUBTRACT", "DIVIDE", "ADD", "MULTIPLY"), operations(runtime.getMethod(
                AlignTransformer.ALIGN).getProgram()), "TeaVM 0.13.1 as published: a division");

        new AlignTransformer().transformClass(runtime, null);

        assertEquals(List.of("SUBTRACT", "AND", "ADD", "NEGATE", "AND", "SUBTRACT", "DIVIDE", "ADD", "MULTIPLY"),
                operations(runtime.getMethod(AlignTransformer.ALIGN).getProgram()),
                "the power-of-two test and the mask first; the division only in the last block");
    }

    @Test
    void anotherRuntimeIsRefused() {
        ClassHolder runtime = teavmRuntime();
        new AlignTransformer().transformClass(runtime, null);

        assertThrows(IllegalStateException.class, () -> new AlignTransformer().transformClass(runtime, null));
    }

    @Test
    void theMaskAgreesWithTeaVmsDivisionBelowTwoGibibytes() {
        for (int alignment = 1; alignment <= 64; alignment *= 2) {
            for (int value : new int[] {0, 1, 2, 3, 7, 8, 9, 12, 13, 1 << 20, (1 << 20) + 5, Integer.MAX_VALUE - 64}) {
                int teavm = value == 0 ? 0 : ((value - 1) / alignment + 1) * alignment;
                assertEquals(teavm, (value + alignment - 1) & -alignment, value + " to " + alignment);
            }
        }
    }

    private static List<String> operations(Program program) {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof BinaryInstruction binary) {
                    names.add(binary.getOperation().name());
                } else if (instruction instanceof NegateInstruction) {
                    names.add("NEGATE");
                }
            }
        }
        return names;
    }
}
