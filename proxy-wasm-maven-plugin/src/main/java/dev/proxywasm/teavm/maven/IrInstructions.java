package dev.proxywasm.teavm.maven;

import org.teavm.model.BasicBlock;
import org.teavm.model.MethodReference;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.BranchingCondition;
import org.teavm.model.instructions.BranchingInstruction;
import org.teavm.model.instructions.ExitInstruction;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.NumericOperandType;

/** The TeaVM IR instructions the build's rewrites of TeaVM's own classes write, one way each. */
final class IrInstructions {
    private IrInstructions() {}

    /** Adds an {@code int} constant to {@code block}; returns the variable holding it. */
    static Variable constant(BasicBlock block, int value) {
        IntegerConstantInstruction constant = new IntegerConstantInstruction();
        constant.setConstant(value);
        constant.setReceiver(block.getProgram().createVariable());
        block.add(constant);
        return constant.getReceiver();
    }

    /** Adds an {@code int} operation to {@code block}; returns the variable holding its result. */
    static Variable binary(BasicBlock block, BinaryOperation operation, Variable first, Variable second) {
        BinaryInstruction binary = new BinaryInstruction(operation, NumericOperandType.INT);
        binary.setFirstOperand(first);
        binary.setSecondOperand(second);
        binary.setReceiver(block.getProgram().createVariable());
        block.add(binary);
        return binary.getReceiver();
    }

    /** A branch on {@code operand} to {@code then} or {@code otherwise}. */
    static BranchingInstruction branch(BranchingCondition condition, Variable operand, BasicBlock then,
            BasicBlock otherwise) {
        BranchingInstruction branch = new BranchingInstruction(condition);
        branch.setOperand(operand);
        branch.setConsequent(then);
        branch.setAlternative(otherwise);
        return branch;
    }

    /** A call; {@code instance} is null for a static method, {@code receiver} null for no result. */
    static InvokeInstruction invoke(InvocationType type, MethodReference method, Variable instance,
            Variable receiver, Variable... arguments) {
        InvokeInstruction invoke = new InvokeInstruction();
        invoke.setType(type);
        invoke.setMethod(method);
        invoke.setInstance(instance);
        invoke.setReceiver(receiver);
        invoke.setArguments(arguments);
        return invoke;
    }

    /** A return of {@code value}, or of nothing when it is null. */
    static ExitInstruction exit(Variable value) {
        ExitInstruction exit = new ExitInstruction();
        exit.setValueToReturn(value);
        return exit;
    }
}
