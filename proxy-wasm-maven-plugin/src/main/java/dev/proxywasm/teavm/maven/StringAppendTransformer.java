package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.binary;
import static dev.proxywasm.teavm.maven.IrInstructions.branch;
import static dev.proxywasm.teavm.maven.IrInstructions.constant;
import static dev.proxywasm.teavm.maven.IrInstructions.exit;
import static dev.proxywasm.teavm.maven.IrInstructions.invoke;

import java.util.ArrayList;
import java.util.List;
import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.FieldReference;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.ArrayElementType;
import org.teavm.model.instructions.ArrayLengthInstruction;
import org.teavm.model.instructions.BinaryOperation;
import org.teavm.model.instructions.BranchingCondition;
import org.teavm.model.instructions.ConstructInstruction;
import org.teavm.model.instructions.GetFieldInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.JumpInstruction;
import org.teavm.model.instructions.PutFieldInstruction;
import org.teavm.model.instructions.RaiseInstruction;
import org.teavm.model.instructions.StringConstantInstruction;
import org.teavm.model.instructions.UnwrapArrayInstruction;

/**
 * Makes string concatenation copy each piece in one block. Every {@code a + b} compiles to
 * {@code StringBuilder.append}, which in TeaVM 0.13.1 ends in {@code AbstractStringBuilder.insert(length,
 * string)}: a loop that copies one {@code charAt} at a time (each a bounds-checked call followed by
 * the exception check) and calls {@code length()} on every turn, and a second such loop that shifts
 * the tail, one {@code char} at a time. Together the largest share of http-headers' own time after
 * UTF-8 encoding. {@code insert(int, String)} is now
 *
 * <pre>{@code
 * if (index < 0 || index > length) throw new StringIndexOutOfBoundsException();
 * if (string == null) return insert(index, "null");
 * char[] chars = string.characters;          // TeaVM's String holds its chars in this field
 * int n = chars.length;
 * if (n == 0) return this;
 * int end = length + n;
 * ensureCapacity(end);
 * if (length - index > 0) CharCopy.copy(buffer, index, buffer, index + n, length - index);
 * CharCopy.copy(chars, 0, buffer, index, n);  // one memory.copy each
 * length = end;
 * return this;
 * }</pre>
 *
 * with the same outcome for every argument: both ranges are within the arrays by the checks above,
 * so the copies skip {@code arraycopy}'s own checks and its four calls ({@code CharCopy}, in
 * sdk-teavm).
 */
public final class StringAppendTransformer implements ClassHolderTransformer {
    /** TeaVM's {@code TAbstractStringBuilder}, as its class library names it for the compiled code. */
    static final String BUILDER = "java.lang.AbstractStringBuilder";
    static final String STRING = "java.lang.String";
    static final String OUT_OF_BOUNDS = "java.lang.StringIndexOutOfBoundsException";
    static final MethodDescriptor INSERT = new MethodDescriptor("insert", ValueType.INTEGER, ValueType.object(STRING),
            ValueType.object(BUILDER));
    /** What TeaVM 0.13.1's {@code insert(int, String)} calls, in order: its fingerprint. */
    static final List<String> TEAVM_CALLS = List.of("<init>", "isEmpty", "length", "ensureCapacity", "length",
            "length", "charAt", "length");
    private static final MethodDescriptor ENSURE_CAPACITY = new MethodDescriptor("ensureCapacity",
            ValueType.INTEGER, ValueType.VOID);
    static final ValueType CHARS = ValueType.arrayOf(ValueType.CHARACTER);
    /** The SDK's block move of chars, in sdk-teavm: see {@code dev.proxywasm.teavm.memory.CharCopy}. */
    static final MethodReference CHAR_COPY = new MethodReference("dev.proxywasm.teavm.memory.CharCopy", "copy", CHARS,
            ValueType.INTEGER, CHARS, ValueType.INTEGER, ValueType.INTEGER, ValueType.VOID);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(BUILDER)) {
            return;
        }
        MethodHolder insert = cls.getMethod(INSERT);
        if (insert == null || insert.getProgram() == null || !calls(insert.getProgram()).equals(TEAVM_CALLS)
                || cls.getMethod(ENSURE_CAPACITY) == null || !hasField(cls, "buffer", CHARS)
                || !hasField(cls, "length", ValueType.INTEGER)) {
            throw new IllegalStateException("TeaVM's AbstractStringBuilder.insert(int, String) is not the one this"
                    + " SDK speeds up: it expects TeaVM 0.13.1");
        }
        insert.setProgram(insertByCopy());
    }

    /** The names of the methods a program calls, in block order. */
    static List<String> calls(Program program) {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof InvokeInstruction invoke) {
                    names.add(invoke.getMethod().getName());
                }
            }
        }
        return names;
    }

    private static boolean hasField(ClassHolder cls, String name, ValueType type) {
        return cls.getField(name) != null && cls.getField(name).getType().equals(type);
    }

    /** The body in the class comment, as TeaVM's IR. */
    static Program insertByCopy() {
        Program program = new Program();
        Variable self = program.createVariable();
        Variable index = program.createVariable();
        Variable string = program.createVariable();
        BasicBlock entry = program.createBasicBlock();
        BasicBlock checkEnd = program.createBasicBlock();
        BasicBlock outOfBounds = program.createBasicBlock();
        BasicBlock checkNull = program.createBasicBlock();
        BasicBlock ofNull = program.createBasicBlock();
        BasicBlock measure = program.createBasicBlock();
        BasicBlock empty = program.createBasicBlock();
        BasicBlock grow = program.createBasicBlock();
        BasicBlock shift = program.createBasicBlock();
        BasicBlock copy = program.createBasicBlock();

        GetFieldInstruction length = getField(program, self, "length", ValueType.INTEGER);
        entry.add(length);
        entry.add(branch(BranchingCondition.LESS, index, outOfBounds, checkEnd));

        Variable sign = binary(checkEnd, BinaryOperation.COMPARE, index, length.getReceiver());
        checkEnd.add(branch(BranchingCondition.GREATER, sign, outOfBounds, checkNull));

        ConstructInstruction exception = new ConstructInstruction();
        exception.setType(OUT_OF_BOUNDS);
        exception.setReceiver(program.createVariable());
        outOfBounds.add(exception);
        outOfBounds.add(invoke(InvocationType.SPECIAL, new MethodReference(OUT_OF_BOUNDS, "<init>", ValueType.VOID),
                exception.getReceiver(), null));
        RaiseInstruction raise = new RaiseInstruction();
        raise.setException(exception.getReceiver());
        outOfBounds.add(raise);

        checkNull.add(branch(BranchingCondition.NULL, string, ofNull, measure));

        StringConstantInstruction nullText = new StringConstantInstruction();
        nullText.setConstant("null");
        nullText.setReceiver(program.createVariable());
        ofNull.add(nullText);
        InvokeInstruction again = invoke(InvocationType.SPECIAL, new MethodReference(BUILDER, INSERT), self,
                program.createVariable(), index, nullText.getReceiver());
        ofNull.add(again);
        ofNull.add(exit(again.getReceiver()));

        GetFieldInstruction chars = new GetFieldInstruction();
        chars.setInstance(string);
        chars.setField(new FieldReference(STRING, "characters"));
        chars.setFieldType(CHARS);
        chars.setReceiver(program.createVariable());
        measure.add(chars);
        UnwrapArrayInstruction data = new UnwrapArrayInstruction(ArrayElementType.CHAR);
        data.setArray(chars.getReceiver());
        data.setReceiver(program.createVariable());
        measure.add(data);
        ArrayLengthInstruction count = new ArrayLengthInstruction();
        count.setArray(data.getReceiver());
        count.setReceiver(program.createVariable());
        measure.add(count);
        Variable n = count.getReceiver();
        measure.add(branch(BranchingCondition.EQUAL, n, empty, grow));

        empty.add(exit(self));

        Variable end = binary(grow, BinaryOperation.ADD, length.getReceiver(), n);
        grow.add(invoke(InvocationType.VIRTUAL, new MethodReference(BUILDER, ENSURE_CAPACITY), self, null, end));
        GetFieldInstruction buffer = getField(program, self, "buffer", CHARS);
        grow.add(buffer);
        Variable tail = binary(grow, BinaryOperation.SUBTRACT, length.getReceiver(), index);
        grow.add(branch(BranchingCondition.GREATER, tail, shift, copy));

        Variable tailTarget = binary(shift, BinaryOperation.ADD, index, n);
        shift.add(invoke(InvocationType.SPECIAL, CHAR_COPY, null, null, buffer.getReceiver(), index,
                buffer.getReceiver(), tailTarget, tail));
        JumpInstruction toCopy = new JumpInstruction();
        toCopy.setTarget(copy);
        shift.add(toCopy);

        Variable zero = constant(copy, 0);
        copy.add(invoke(InvocationType.SPECIAL, CHAR_COPY, null, null, chars.getReceiver(), zero,
                buffer.getReceiver(), index, n));
        PutFieldInstruction grown = new PutFieldInstruction();
        grown.setInstance(self);
        grown.setField(new FieldReference(BUILDER, "length"));
        grown.setFieldType(ValueType.INTEGER);
        grown.setValue(end);
        copy.add(grown);
        copy.add(exit(self));
        return program;
    }

    private static GetFieldInstruction getField(Program program, Variable instance, String name, ValueType type) {
        GetFieldInstruction get = new GetFieldInstruction();
        get.setInstance(instance);
        get.setField(new FieldReference(BUILDER, name));
        get.setFieldType(type);
        get.setReceiver(program.createVariable());
        return get;
    }
}
