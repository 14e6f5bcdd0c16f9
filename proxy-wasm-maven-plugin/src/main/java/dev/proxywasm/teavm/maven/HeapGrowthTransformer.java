package dev.proxywasm.teavm.maven;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.LongConstantInstruction;
import org.teavm.model.instructions.NumericOperandType;
import org.teavm.model.util.InstructionVariableMapper;

/**
 * Works around TeaVM 0.13.1's heap growth for one large allocation. When an allocation needs the
 * heap to grow, {@code GC.resizeHeapIfNecessary} grows it by exactly the missing bytes and then
 * rounds the new size up to a multiple of 8; objects are only 4-byte aligned, so half the time
 * the free chunk that results is 4 bytes larger than the object, which is neither the exact size
 * nor large enough to split ({@code size + MIN_CHUNK_SIZE}), and the allocation traps with
 * "Out of memory" below the heap limit. Which half depends on everything allocated before, so a
 * harmless change anywhere in a plugin could make an 8 MB body read trap. Asking for 64 more bytes
 * whenever the heap grows for an allocation leaves room to split the chunk; other collections pass
 * a request of 0, for which the extra bytes never trigger growth.
 */
public final class HeapGrowthTransformer implements ClassHolderTransformer {
    static final String GC = "org.teavm.runtime.GC";
    static final long EXTRA_BYTES = 64;

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(GC)) {
            return;
        }
        MethodHolder method = cls.getMethod(new MethodDescriptor("resizeHeapIfNecessary", ValueType.LONG,
                ValueType.VOID));
        if (method == null || method.getProgram() == null) {
            throw new IllegalStateException("TeaVM's GC has no resizeHeapIfNecessary(long): this SDK expects"
                    + " TeaVM 0.13.1");
        }
        Program program = method.getProgram();
        Variable requested = program.variableAt(1);
        Variable padded = program.createVariable();
        Variable extra = program.createVariable();
        InstructionVariableMapper mapper = new InstructionVariableMapper(v -> v == requested ? padded : v);
        for (int i = 0; i < program.basicBlockCount(); i++) {
            mapper.apply(program.basicBlockAt(i));
        }
        LongConstantInstruction constant = new LongConstantInstruction();
        constant.setConstant(EXTRA_BYTES);
        constant.setReceiver(extra);
        BinaryInstruction add = new BinaryInstruction(BinaryOperation.ADD, NumericOperandType.LONG);
        add.setFirstOperand(requested);
        add.setSecondOperand(extra);
        add.setReceiver(padded);
        BasicBlock entry = program.basicBlockAt(0);
        entry.addFirst(add);
        entry.addFirst(constant);
    }
}
