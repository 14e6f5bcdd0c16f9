package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.exit;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.LongConstantInstruction;

/**
 * Compiles the build's heap limit into {@code GuestMemory.maxHeapBytes()}, so the allocator can
 * refuse host data that would not fit instead of letting TeaVM's out-of-memory trap the VM.
 * TeaVM instantiates transformers by class name; the limit travels in a thread-local set around
 * the compilation, which runs on the calling thread.
 */
public final class HeapLimitTransformer implements ClassHolderTransformer {
    static final String GUEST_MEMORY = "dev.proxywasm.teavm.memory.GuestMemory";
    static final ThreadLocal<Long> LIMIT = new ThreadLocal<>();

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        Long limit = LIMIT.get();
        if (limit == null || !cls.getName().equals(GUEST_MEMORY)) {
            return;
        }
        MethodHolder method = cls.getMethod(new MethodDescriptor("maxHeapBytes", ValueType.LONG));
        if (method == null) {
            return;
        }
        Program program = new Program();
        program.createVariable(); // slot of "this", present in static methods too
        BasicBlock block = program.createBasicBlock();
        Variable value = program.createVariable();
        LongConstantInstruction constant = new LongConstantInstruction();
        constant.setConstant(limit);
        constant.setReceiver(value);
        block.add(constant);
        block.add(exit(value));
        method.setProgram(program);
    }
}
