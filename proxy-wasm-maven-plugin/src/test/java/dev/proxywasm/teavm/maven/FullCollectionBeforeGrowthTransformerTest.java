package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.FullCollectionBeforeGrowthTransformer.COLLECT;
import static dev.proxywasm.teavm.maven.FullCollectionBeforeGrowthTransformer.REQUEST_AFTER_COLLECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ReferenceCache;
import org.teavm.model.Variable;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/**
 * TeaVM's own GC, read from its jar: a young collection that would grow the heap is followed by a
 * full one, and the heap grows by what is missing after it.
 */
class FullCollectionBeforeGrowthTransformerTest {
    private static ClassHolder teavmGc() {
        return new ClasspathClassHolderSource(new ReferenceCache()).get(FullCollectionBeforeGrowthTransformer.GC);
    }

    @Test
    void aFullCollectionPrecedesEveryGrowthAndTheRequestIsWorkedOutAfterIt() {
        ClassHolder gc = teavmGc();
        Program collect = gc.getMethod(COLLECT).getProgram();
        IntegerConstantInstruction limit = FullCollectionBeforeGrowthTransformer.youngLimit(collect);
        assertNotNull(limit, "TeaVM 0.13.1 as published: one constant 8, the young-collection limit");
        assertNull(gc.getMethod(REQUEST_AFTER_COLLECTION));

        new FullCollectionBeforeGrowthTransformer().transformClass(gc, null);

        assertEquals(1, limit.getConstant());
        InvokeInstruction resize = FullCollectionBeforeGrowthTransformer.resizeCall(collect);
        Variable request = resize.getArguments().get(0);
        InvokeInstruction producer = producerOf(collect, request);
        assertNotNull(producer, "the request resizeHeapIfNecessary gets is a call's result");
        assertEquals(REQUEST_AFTER_COLLECTION, producer.getMethod().getDescriptor());
        assertEquals(collect.variableAt(1), producer.getArguments().get(0), "asked for the allocation's size");
        MethodHolder added = gc.getMethod(REQUEST_AFTER_COLLECTION);
        assertNotNull(added);
        assertEquals(3, added.getProgram().basicBlockCount());
    }

    @Test
    void anotherGcIsRefused() {
        ClassHolder gc = teavmGc();
        new FullCollectionBeforeGrowthTransformer().transformClass(gc, null);

        assertThrows(IllegalStateException.class, () -> new FullCollectionBeforeGrowthTransformer().transformClass(gc,
                null));
    }

    private static InvokeInstruction producerOf(Program program, Variable variable) {
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof InvokeInstruction invoke && invoke.getReceiver() == variable) {
                    return invoke;
                }
            }
        }
        return null;
    }
}
