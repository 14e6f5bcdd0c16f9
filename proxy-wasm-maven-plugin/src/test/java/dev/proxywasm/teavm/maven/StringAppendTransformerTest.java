package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.StringAppendTransformer.INSERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.Program;
import org.teavm.model.ReferenceCache;
import org.teavm.model.instructions.JumpInstruction;
import org.teavm.model.instructions.StringConstantInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/**
 * TeaVM's own string builder, read from its class library: {@code insert(int, String)}, where every
 * concatenation ends, copies the string with one {@code getChars} and shifts the tail with one
 * {@code arraycopy}, without a loop.
 */
class StringAppendTransformerTest {
    private static ClassHolder teavmBuilder() {
        return new ClasspathClassHolderSource(new ReferenceCache()).get(StringAppendTransformer.BUILDER);
    }

    @Test
    void insertCopiesInBlocksWithoutALoop() {
        ClassHolder builder = teavmBuilder();
        assertEquals(StringAppendTransformer.TEAVM_CALLS, StringAppendTransformer.calls(builder.getMethod(INSERT)
                .getProgram()), "TeaVM 0.13.1 as published: a charAt loop");

        new StringAppendTransformer().transformClass(builder, null);

        Program insert = builder.getMethod(INSERT).getProgram();
        assertEquals(List.of("<init>", "insert", "ensureCapacity", "copy", "copy"),
                StringAppendTransformer.calls(insert),
                "out of bounds throws; null inserts \"null\"; otherwise the tail moves, then the string's chars");
        assertEquals(List.of("null"), strings(insert));
        for (int b = 0; b < insert.basicBlockCount(); b++) {
            for (Instruction instruction : insert.basicBlockAt(b)) {
                assertTrue(!(instruction instanceof JumpInstruction jump) || jump.getTarget().getIndex() > b,
                        "no loop");
            }
        }
    }

    @Test
    void anotherBuilderIsRefused() {
        ClassHolder builder = teavmBuilder();
        new StringAppendTransformer().transformClass(builder, null);

        assertThrows(IllegalStateException.class, () -> new StringAppendTransformer().transformClass(builder, null));
    }

    private static List<String> strings(Program program) {
        List<String> constants = new ArrayList<>();
        for (BasicBlock block : program.getBasicBlocks()) {
            for (Instruction instruction : block) {
                if (instruction instanceof StringConstantInstruction constant) {
                    constants.add(constant.getConstant());
                }
            }
        }
        return constants;
    }
}
