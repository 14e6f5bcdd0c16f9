package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.Program;
import org.teavm.model.ReferenceCache;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/** TeaVM's own {@code AbstractStringBuilder}, read from its class library. */
class BuilderCapacityTransformerTest {
    private static final MethodDescriptor NO_ARGUMENTS = new MethodDescriptor("<init>", ValueType.VOID);

    private static ClassHolder teavmBuilder() {
        return new ClasspathClassHolderSource(new ReferenceCache()).get(StringAppendTransformer.BUILDER);
    }

    private static List<Integer> capacities(ClassHolder builder) {
        Program program = builder.getMethod(NO_ARGUMENTS).getProgram();
        return BuilderCapacityTransformer.constants(program).stream().map(IntegerConstantInstruction::getConstant)
                .toList();
    }

    @Test
    void aBuilderWithoutACapacityStartsRoomyEnoughForALogLine() {
        ClassHolder builder = teavmBuilder();
        assertEquals(List.of(16), capacities(builder), "TeaVM 0.13.1 as published");

        new BuilderCapacityTransformer().transformClass(builder, null);

        assertEquals(List.of(BuilderCapacityTransformer.CAPACITY), capacities(builder));
        assertEquals(List.of("<init>"), StringAppendTransformer.calls(builder.getMethod(NO_ARGUMENTS).getProgram()),
                "still the constructor that takes a capacity, and nothing else");
    }

    @Test
    void anotherBuilderIsRefused() {
        ClassHolder builder = teavmBuilder();
        new BuilderCapacityTransformer().transformClass(builder, null);

        assertThrows(IllegalStateException.class, () -> new BuilderCapacityTransformer().transformClass(builder,
                null));
    }
}
