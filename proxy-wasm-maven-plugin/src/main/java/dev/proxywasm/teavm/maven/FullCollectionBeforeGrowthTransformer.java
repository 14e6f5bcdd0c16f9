package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.branch;
import static dev.proxywasm.teavm.maven.IrInstructions.exit;
import static dev.proxywasm.teavm.maven.IrInstructions.invoke;

import org.teavm.model.AccessLevel;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.ElementModifier;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BranchingCondition;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.LongConstantInstruction;

/**
 * Makes TeaVM 0.13.1's GC grow the heap only for what a full collection leaves. The heap never
 * shrinks in WebAssembly, so every growth is kept for the VM's life; two things in
 * {@code GC.collectGarbageImpl} grew it for garbage:
 * <ul>
 *   <li>after a young collection that leaves the heap more than half occupied, it runs a full one
 *       only from the 8th young collection since the last; before that it grows the heap to twice
 *       the occupied bytes, which count the old generation's garbage (objects promoted while live,
 *       dead since) that only a full collection frees. The limit is now 1.</li>
 *   <li>the size to grow by for an allocation that no free chunk fits is worked out before that full
 *       collection, and used even when the collection (which compacts) made room. It is now worked
 *       out after it, as TeaVM works it out ({@code requestAfterCollection}).</li>
 * </ul>
 * Measured on the configuration fuzz run (mutated configurations, a few up to 20 KB): 22 to 48 pages
 * over 300,000 reconfigurations before, 22 throughout after.
 */
public final class FullCollectionBeforeGrowthTransformer implements ClassHolderTransformer {
    static final String GC = "org.teavm.runtime.GC";
    /** Young collections between full ones when about to grow, as TeaVM 0.13.1 has it. */
    static final int TEAVM_YOUNG_LIMIT = 8;
    /** What it is now: a young collection that would grow the heap is followed by a full one. */
    static final int YOUNG_LIMIT = 1;
    static final MethodDescriptor COLLECT = new MethodDescriptor("collectGarbageImpl", ValueType.INTEGER,
            ValueType.VOID);
    static final MethodDescriptor RESIZE = new MethodDescriptor("resizeHeapIfNecessary", ValueType.LONG,
            ValueType.VOID);
    static final MethodDescriptor REQUEST_AFTER_COLLECTION = new MethodDescriptor("requestAfterCollection",
            ValueType.INTEGER, ValueType.LONG);
    private static final MethodDescriptor HAS_AVAILABLE_CHUNK = new MethodDescriptor("hasAvailableChunk",
            ValueType.INTEGER, ValueType.BOOLEAN);
    private static final MethodDescriptor COMPUTE_REQUEST = new MethodDescriptor("computeMinRequestedSize",
            ValueType.INTEGER, ValueType.LONG);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(GC)) {
            return;
        }
        MethodHolder collect = cls.getMethod(COLLECT);
        Program program = collect == null ? null : collect.getProgram();
        IntegerConstantInstruction limit = program == null ? null : youngLimit(program);
        InvokeInstruction resize = program == null ? null : resizeCall(program);
        if (limit == null || resize == null || cls.getMethod(HAS_AVAILABLE_CHUNK) == null
                || cls.getMethod(COMPUTE_REQUEST) == null) {
            throw new IllegalStateException("TeaVM's GC.collectGarbageImpl is not the one this SDK adjusts: it"
                    + " expects TeaVM 0.13.1");
        }
        limit.setConstant(YOUNG_LIMIT);
        cls.addMethod(requestAfterCollection());
        Variable request = program.createVariable();
        InvokeInstruction ask = gcCall(REQUEST_AFTER_COLLECTION, program.variableAt(1), request);
        resize.insertPrevious(ask);
        resize.setArguments(request);
    }

    /** The one constant 8 of the method, the young-collection limit; null if there is not exactly one. */
    static IntegerConstantInstruction youngLimit(Program program) {
        IntegerConstantInstruction found = null;
        for (Instruction instruction : instructions(program)) {
            if (instruction instanceof IntegerConstantInstruction constant
                    && constant.getConstant() == TEAVM_YOUNG_LIMIT) {
                if (found != null) {
                    return null;
                }
                found = constant;
            }
        }
        return found;
    }

    /** The call of {@code resizeHeapIfNecessary}; null if there is not exactly one. */
    static InvokeInstruction resizeCall(Program program) {
        InvokeInstruction found = null;
        for (Instruction instruction : instructions(program)) {
            if (instruction instanceof InvokeInstruction invoke && invoke.getMethod().getClassName().equals(GC)
                    && invoke.getMethod().getDescriptor().equals(RESIZE)) {
                if (found != null) {
                    return null;
                }
                found = invoke;
            }
        }
        return found;
    }

    /**
     * {@code private static long requestAfterCollection(int size)}: {@code hasAvailableChunk(size) ? 0 :
     * computeMinRequestedSize(size)}, what {@code collectGarbageImpl} computes before its collections.
     */
    private static MethodHolder requestAfterCollection() {
        Program program = new Program();
        program.createVariable(); // slot of "this", present in static methods too
        Variable size = program.createVariable();
        BasicBlock entry = program.createBasicBlock();
        BasicBlock fits = program.createBasicBlock();
        BasicBlock grows = program.createBasicBlock();

        Variable available = program.createVariable();
        entry.add(gcCall(HAS_AVAILABLE_CHUNK, size, available));
        entry.add(branch(BranchingCondition.NOT_EQUAL, available, fits, grows));

        Variable zero = program.createVariable();
        LongConstantInstruction constant = new LongConstantInstruction();
        constant.setReceiver(zero);
        fits.add(constant);
        fits.add(exit(zero));

        Variable request = program.createVariable();
        grows.add(gcCall(COMPUTE_REQUEST, size, request));
        grows.add(exit(request));

        MethodHolder method = new MethodHolder(REQUEST_AFTER_COLLECTION);
        method.setLevel(AccessLevel.PRIVATE);
        method.getModifiers().add(ElementModifier.STATIC);
        method.setProgram(program);
        return method;
    }

    /** A call of one of GC's own static methods. */
    private static InvokeInstruction gcCall(MethodDescriptor method, Variable argument, Variable receiver) {
        return invoke(InvocationType.SPECIAL, new MethodReference(GC, method), null, receiver, argument);
    }

    private static Iterable<Instruction> instructions(Program program) {
        java.util.List<Instruction> all = new java.util.ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                all.add(instruction);
            }
        }
        return all;
    }
}
