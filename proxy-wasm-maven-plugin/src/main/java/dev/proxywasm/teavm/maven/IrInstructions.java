package dev.proxywasm.teavm.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.model.BasicBlock;
import org.teavm.model.Incoming;
import org.teavm.model.Instruction;
import org.teavm.model.MethodReference;
import org.teavm.model.Phi;
import org.teavm.model.Program;
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
import org.teavm.model.util.DefinitionExtractor;
import org.teavm.model.util.UsageExtractor;

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

    /**
     * The body of a static method of one parameter that returns {@code method} of it: {@code return
     * method(parameter)}.
     */
    static Program returnsCallOf(MethodReference method) {
        Program program = new Program();
        program.createVariable(); // this slot of a static method
        Variable parameter = program.createVariable();
        BasicBlock block = program.createBasicBlock();
        Variable result = program.createVariable();
        block.add(invoke(InvocationType.SPECIAL, method, null, result, parameter));
        block.add(exit(result));
        return program;
    }

    /** A return of {@code value}, or of nothing when it is null. */
    static ExitInstruction exit(Variable value) {
        ExitInstruction exit = new ExitInstruction();
        exit.setValueToReturn(value);
        return exit;
    }

    /** The calls in {@code program} of the method {@code name} of class {@code className}, in block order. */
    static List<InvokeInstruction> callsOf(Program program, String className, String name) {
        List<InvokeInstruction> calls = new ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof InvokeInstruction invoke && invoke.getMethod().getClassName().equals(className)
                        && invoke.getMethod().getName().equals(name)) {
                    calls.add(invoke);
                }
            }
        }
        return calls;
    }

    /** How many times each variable is read, by instructions and by phis. */
    static Map<Variable, Integer> uses(Program program) {
        Map<Variable, Integer> uses = new HashMap<>();
        UsageExtractor extractor = new UsageExtractor();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            BasicBlock block = program.basicBlockAt(b);
            for (Phi phi : block.getPhis()) {
                for (Incoming incoming : phi.getIncomings()) {
                    uses.merge(incoming.getValue(), 1, Integer::sum);
                }
            }
            for (Instruction instruction : block) {
                instruction.acceptVisitor(extractor);
                for (Variable variable : extractor.getUsedVariables()) {
                    uses.merge(variable, 1, Integer::sum);
                }
            }
        }
        return uses;
    }

    /** How many times each variable is assigned, by instructions and by phis (a parameter: never). */
    static Map<Variable, Integer> definitions(Program program) {
        Map<Variable, Integer> definitions = new HashMap<>();
        DefinitionExtractor extractor = new DefinitionExtractor();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            BasicBlock block = program.basicBlockAt(b);
            for (Phi phi : block.getPhis()) {
                definitions.merge(phi.getReceiver(), 1, Integer::sum);
            }
            for (Instruction instruction : block) {
                instruction.acceptVisitor(extractor);
                for (Variable variable : extractor.getDefinedVariables()) {
                    definitions.merge(variable, 1, Integer::sum);
                }
            }
        }
        return definitions;
    }
}
