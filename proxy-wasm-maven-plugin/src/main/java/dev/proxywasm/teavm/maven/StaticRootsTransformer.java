package dev.proxywasm.teavm.maven;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * Fixes TeaVM 0.13.1's reading of the static GC roots on 32-bit WebAssembly, where the last static
 * field of reference type was never a root. The compiler writes the list as an 8-byte count followed
 * by 4-byte field addresses; {@code GC.markFromStaticFields} and {@code updatePointersFromStaticRoots}
 * skip only {@code Address.sizeOf()} (4 on wasm32, 8 in the C backend the code was written for)
 * past the count, so they read the count's high half as a first root and stop one field short. The
 * object in that last field was freed at the first collection and its memory handed out again:
 * which field is last depends on every class in the module, so an unrelated change (removing unused
 * code) made {@code WasmResult.values()} return garbage after a few hundred failed host calls. Both
 * methods now skip the 8 bytes the count takes.
 */
public final class StaticRootsTransformer implements ClassHolderTransformer {
    static final String GC = "org.teavm.runtime.GC";
    static final String ADDRESS = "org.teavm.interop.Address";
    /** The size of the count before the list: the compiler writes it as a {@code long}. */
    static final int COUNT_BYTES = 8;
    private static final MethodDescriptor ADD = new MethodDescriptor("add", ValueType.INTEGER,
            ValueType.object(ADDRESS));
    private static final MethodDescriptor GET_INT = new MethodDescriptor("getInt", ValueType.INTEGER);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(GC)) {
            return;
        }
        for (String name : new String[] {"markFromStaticFields", "updatePointersFromStaticRoots"}) {
            MethodHolder method = cls.getMethod(new MethodDescriptor(name, ValueType.VOID));
            if (method == null || method.getProgram() == null || !skipCount(method)) {
                throw new IllegalStateException("TeaVM's GC." + name + " is not the one this SDK corrects: it expects"
                        + " TeaVM 0.13.1");
            }
        }
    }

    /**
     * Makes the {@code Address.add(int)} that follows the read of the count ({@code getInt()}) in the
     * same block, the step past the count, add 8.
     */
    private static boolean skipCount(MethodHolder method) {
        for (int b = 0; b < method.getProgram().basicBlockCount(); b++) {
            boolean countRead = false;
            for (Instruction instruction : method.getProgram().basicBlockAt(b)) {
                if (!(instruction instanceof InvokeInstruction invoke)
                        || !invoke.getMethod().getClassName().equals(ADDRESS)) {
                    continue;
                }
                if (invoke.getMethod().getDescriptor().equals(GET_INT)) {
                    countRead = true;
                } else if (countRead && invoke.getMethod().getDescriptor().equals(ADD)) {
                    Variable bytes = method.getProgram().createVariable();
                    IntegerConstantInstruction constant = new IntegerConstantInstruction();
                    constant.setConstant(COUNT_BYTES);
                    constant.setReceiver(bytes);
                    invoke.insertPrevious(constant);
                    invoke.setArguments(bytes);
                    return true;
                }
            }
        }
        return false;
    }
}
