package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.Program;
import org.teavm.model.ReferenceCache;
import org.teavm.model.instructions.ArrayLengthInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/** TeaVM's own {@code System}, read from its class library: the fast copy reads both lengths itself. */
class ArrayCopyLengthTransformerTest {
    private static ClassHolder teavmSystem() {
        return new ClasspathClassHolderSource(new ReferenceCache()).get(ArrayCopyLengthTransformer.SYSTEM);
    }

    @Test
    void bothLengthsAreReadWithoutACall() {
        ClassHolder system = teavmSystem();
        Program copy = system.getMethod(ArrayCopyLengthTransformer.FAST_ARRAY_COPY).getProgram();
        assertEquals(2, ArrayCopyLengthTransformer.lengthCalls(copy).size(), "TeaVM 0.13.1 as published");
        assertEquals(0, lengthReads(copy));

        new ArrayCopyLengthTransformer().transformClass(system, null);

        assertEquals(0, ArrayCopyLengthTransformer.lengthCalls(copy).size());
        assertEquals(2, lengthReads(copy));
        assertEquals(java.util.List.of("<init>", "doArrayCopy"), StringAppendTransformer.calls(copy),
                "the exception for a range outside either array, and the copy");
    }

    @Test
    void anotherSystemIsRefused() {
        ClassHolder system = teavmSystem();
        new ArrayCopyLengthTransformer().transformClass(system, null);

        assertThrows(IllegalStateException.class, () -> new ArrayCopyLengthTransformer().transformClass(system,
                null));
    }

    private static int lengthReads(Program program) {
        int reads = 0;
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof ArrayLengthInstruction) {
                    reads++;
                }
            }
        }
        return reads;
    }
}
