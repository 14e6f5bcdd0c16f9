package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.invoke;

import java.util.HashMap;
import java.util.Map;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.BinaryInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.LongConstantInstruction;
import org.teavm.model.instructions.NumericOperandType;

/**
 * Makes {@code int} and {@code long} division and remainder behave as in Java: TeaVM 0.13.1 compiles
 * them to WebAssembly's {@code div}/{@code rem}, which trap on a zero divisor (and {@code div} on
 * {@code MIN_VALUE / -1}), and a trap fails the VM for every later request. Each one whose divisor is
 * not a constant other than 0 and -1 becomes a call of {@code dev.proxywasm.runtime.Division}, which
 * throws {@code ArithmeticException("/ by zero")} or wraps as Java does. TeaVM's own runtime
 * ({@code org.teavm.*}, which runs where no exception may be thrown) and {@code Division} itself are
 * left as they are.
 */
public final class DivisionTransformer implements ClassHolderTransformer {
    static final String DIVISION = "dev.proxywasm.runtime.Division";

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (cls.getName().equals(DIVISION) || cls.getName().startsWith("org.teavm.")) {
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() != null) {
                rewrite(method.getProgram());
            }
        }
    }

    /** Rewrites the program's divisions that may trap; returns how many. */
    static int rewrite(Program program) {
        Map<Variable, Long> constants = null;
        int rewritten = 0;
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (!(instruction instanceof BinaryInstruction division) || !mayTrap(division)) {
                    continue;
                }
                if (constants == null) {
                    constants = constants(program);
                }
                Long divisor = constants.get(division.getSecondOperand());
                if (divisor != null && divisor != 0 && divisor != -1) {
                    continue;
                }
                InvokeInstruction call = invoke(InvocationType.SPECIAL, replacement(division), null,
                        division.getReceiver(), division.getFirstOperand(), division.getSecondOperand());
                call.setLocation(division.getLocation());
                division.replace(call);
                rewritten++;
            }
        }
        return rewritten;
    }

    private static boolean mayTrap(BinaryInstruction instruction) {
        BinaryOperation operation = instruction.getOperation();
        NumericOperandType type = instruction.getOperandType();
        return (operation == BinaryOperation.DIVIDE || operation == BinaryOperation.MODULO)
                && (type == NumericOperandType.INT || type == NumericOperandType.LONG);
    }

    static MethodReference replacement(BinaryInstruction instruction) {
        ValueType type = instruction.getOperandType() == NumericOperandType.INT ? ValueType.INTEGER : ValueType.LONG;
        String name = instruction.getOperation() == BinaryOperation.DIVIDE ? "divide" : "remainder";
        return new MethodReference(DIVISION, name, type, type, type);
    }

    /** The variables defined once, by an {@code int} or {@code long} constant, with their values. */
    private static Map<Variable, Long> constants(Program program) {
        Map<Variable, Long> constants = new HashMap<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof IntegerConstantInstruction constant) {
                    constants.put(constant.getReceiver(), (long) constant.getConstant());
                } else if (instruction instanceof LongConstantInstruction constant) {
                    constants.put(constant.getReceiver(), constant.getConstant());
                }
            }
        }
        Map<Variable, Integer> definitions = IrInstructions.definitions(program);
        constants.keySet().removeIf(variable -> definitions.getOrDefault(variable, 0) != 1);
        return constants;
    }
}
