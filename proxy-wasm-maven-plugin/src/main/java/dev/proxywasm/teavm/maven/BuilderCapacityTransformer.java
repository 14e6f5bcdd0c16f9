package dev.proxywasm.teavm.maven;

import java.util.ArrayList;
import java.util.List;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.IntegerConstantInstruction;

/**
 * Starts a {@code StringBuilder} made without a capacity at {@value #CAPACITY} chars instead of 16.
 * Every {@code a + b} makes one that way, and a log line of 40 to 60 chars (the commonest
 * concatenation in a plugin) then grew it twice, each time allocating a new array and copying: two
 * allocations and two copies per line, for at most 96 bytes more of short-lived garbage when the
 * text is short.
 */
public final class BuilderCapacityTransformer implements ClassHolderTransformer {
    static final int CAPACITY = 64;
    private static final int TEAVM_CAPACITY = 16;
    private static final MethodDescriptor NO_ARGUMENTS = new MethodDescriptor("<init>", ValueType.VOID);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(StringAppendTransformer.BUILDER)) {
            return;
        }
        MethodHolder constructor = cls.getMethod(NO_ARGUMENTS);
        List<IntegerConstantInstruction> constants = constructor == null || constructor.getProgram() == null
                ? List.of() : constants(constructor.getProgram());
        if (constants.size() != 1 || constants.get(0).getConstant() != TEAVM_CAPACITY) {
            throw new IllegalStateException("TeaVM's AbstractStringBuilder() is not the one this SDK sizes: it"
                    + " expects TeaVM 0.13.1");
        }
        constants.get(0).setConstant(CAPACITY);
    }

    /** The {@code int} constants of the program. */
    static List<IntegerConstantInstruction> constants(Program program) {
        List<IntegerConstantInstruction> found = new ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof IntegerConstantInstruction constant) {
                    found.add(constant);
                }
            }
        }
        return found;
    }
}
