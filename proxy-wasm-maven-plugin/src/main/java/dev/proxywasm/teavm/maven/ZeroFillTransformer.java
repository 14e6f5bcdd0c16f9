package dev.proxywasm.teavm.maven;

import java.util.List;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * Makes TeaVM 0.13.1's allocator zero a new object or array with {@code ZeroFill} (in sdk-teavm):
 * stores for a small one, {@code memory.fill} only for a large one. Each of {@code allocate} and
 * {@code allocateArray} zeroes once.
 */
public final class ZeroFillTransformer implements ClassHolderTransformer {
    static final String ALLOCATOR = "org.teavm.runtime.Allocator";
    private static final ValueType ADDRESS = ValueType.object("org.teavm.interop.Address");
    static final MethodReference ZERO_FILL = new MethodReference("dev.proxywasm.teavm.memory.ZeroFill", "fill",
            ADDRESS, ValueType.INTEGER, ValueType.VOID);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(ALLOCATOR)) {
            return;
        }
        for (String name : List.of("allocate", "allocateArray")) {
            List<InvokeInstruction> fills = cls.getMethods().stream().filter(m -> m.getName().equals(name))
                    .map(MethodHolder::getProgram).filter(p -> p != null).flatMap(p -> zeroFills(p).stream()).toList();
            if (fills.size() != 1) {
                throw new IllegalStateException("TeaVM's Allocator." + name + " is not the one this SDK speeds up: it"
                        + " expects TeaVM 0.13.1");
            }
            fills.get(0).setMethod(ZERO_FILL);
        }
    }

    /** The calls of {@code Address.fillZero} in the program. */
    static List<InvokeInstruction> zeroFills(Program program) {
        return IrInstructions.callsOf(program, "org.teavm.interop.Address", "fillZero");
    }
}
