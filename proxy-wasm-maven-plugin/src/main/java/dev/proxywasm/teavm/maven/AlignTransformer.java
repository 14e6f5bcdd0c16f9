package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.binary;
import static dev.proxywasm.teavm.maven.IrInstructions.branch;
import static dev.proxywasm.teavm.maven.IrInstructions.constant;
import static dev.proxywasm.teavm.maven.IrInstructions.exit;
import static dev.proxywasm.teavm.maven.IrInstructions.invoke;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.BranchingCondition;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.NegateInstruction;
import org.teavm.model.instructions.NumericOperandType;

/**
 * Makes TeaVM 0.13.1's {@code WasmRuntime.align(Address, int)}, the body of {@code Address.align},
 * round up with a mask instead of a division when the alignment is a power of two, as every one the
 * runtime asks for is (an item size or the address size). Every array allocation calls it twice and
 * every {@code arraycopy} once; V8 does not inline it. It is now
 *
 * <pre>{@code
 * int value = address.toInt();
 * int mask = alignment - 1;
 * if ((alignment & mask) == 0) return Address.fromInt((value + mask) & -alignment);
 * if (value == 0) return address;                                    // TeaVM's own, for any other
 * return Address.fromInt(((value - 1) / alignment + 1) * alignment);
 * }</pre>
 *
 * The two agree for every address below 2 GiB (the mask also rounds those above it up, where
 * TeaVM's signed division rounded them down).
 */
public final class AlignTransformer implements ClassHolderTransformer {
    static final String WASM_RUNTIME = "org.teavm.backend.wasm.WasmRuntime";
    static final String ADDRESS = "org.teavm.interop.Address";
    static final MethodDescriptor ALIGN = new MethodDescriptor("align", ValueType.object(ADDRESS), ValueType.INTEGER,
            ValueType.object(ADDRESS));
    private static final MethodReference TO_INT = new MethodReference(ADDRESS, "toInt", ValueType.INTEGER);
    private static final MethodReference FROM_INT = new MethodReference(ADDRESS, "fromInt", ValueType.INTEGER,
            ValueType.object(ADDRESS));

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(WASM_RUNTIME)) {
            return;
        }
        MethodHolder align = cls.getMethod(ALIGN);
        if (align == null || align.getProgram() == null
                || !StringAppendTransformer.calls(align.getProgram()).equals(java.util.List.of("toInt", "fromInt"))) {
            throw new IllegalStateException("TeaVM's WasmRuntime.align is not the one this SDK speeds up: it expects"
                    + " TeaVM 0.13.1");
        }
        align.setProgram(alignByMask());
    }

    /** The body in the class comment, as TeaVM's IR. */
    static Program alignByMask() {
        Program program = new Program();
        program.createVariable(); // slot of "this", present in static methods too
        Variable address = program.createVariable();
        Variable alignment = program.createVariable();
        BasicBlock entry = program.createBasicBlock();
        BasicBlock masked = program.createBasicBlock();
        BasicBlock divided = program.createBasicBlock();
        BasicBlock zero = program.createBasicBlock();
        BasicBlock nonZero = program.createBasicBlock();

        Variable value = program.createVariable();
        entry.add(invoke(InvocationType.VIRTUAL, TO_INT, address, value));
        Variable one = constant(entry, 1);
        Variable mask = binary(entry, BinaryOperation.SUBTRACT, alignment, one);
        Variable bits = binary(entry, BinaryOperation.AND, alignment, mask);
        entry.add(branch(BranchingCondition.EQUAL, bits, masked, divided));

        Variable sum = binary(masked, BinaryOperation.ADD, value, mask);
        NegateInstruction negate = new NegateInstruction(NumericOperandType.INT);
        negate.setOperand(alignment);
        negate.setReceiver(program.createVariable());
        masked.add(negate);
        Variable rounded = binary(masked, BinaryOperation.AND, sum, negate.getReceiver());
        masked.add(exit(fromInt(masked, rounded)));

        divided.add(branch(BranchingCondition.EQUAL, value, zero, nonZero));
        zero.add(exit(address));

        Variable before = binary(nonZero, BinaryOperation.SUBTRACT, value, one);
        Variable quotient = binary(nonZero, BinaryOperation.DIVIDE, before, alignment);
        Variable next = binary(nonZero, BinaryOperation.ADD, quotient, one);
        Variable multiple = binary(nonZero, BinaryOperation.MULTIPLY, next, alignment);
        nonZero.add(exit(fromInt(nonZero, multiple)));
        return program;
    }

    private static Variable fromInt(BasicBlock block, Variable value) {
        Variable address = block.getProgram().createVariable();
        block.add(invoke(InvocationType.SPECIAL, FROM_INT, null, address, value));
        return address;
    }
}
