package dev.proxywasm.teavm.maven;

import java.util.List;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.ArrayElementType;
import org.teavm.model.instructions.ArrayLengthInstruction;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.UnwrapArrayInstruction;

/**
 * Makes TeaVM 0.13.1's {@code System.fastArraycopy}, which every {@code arraycopy} between arrays of
 * known type compiles to ({@code String.getChars}, {@code new String(char[], int, int)}, {@code
 * Arrays.copyOf}), read its arrays' lengths as {@code a.length} instead of through {@code
 * java.lang.reflect.Array.getLength}: two calls per copy, each with a shadow-stack frame and the
 * class lookup that checks the object is an array, which the caller's types already proved.
 */
public final class ArrayCopyLengthTransformer implements ClassHolderTransformer {
    static final String SYSTEM = "java.lang.System";
    static final ValueType OBJECT = ValueType.object("java.lang.Object");
    static final MethodDescriptor FAST_ARRAY_COPY = new MethodDescriptor("fastArraycopy", OBJECT,
            ValueType.INTEGER, OBJECT, ValueType.INTEGER, ValueType.INTEGER, ValueType.VOID);
    static final MethodDescriptor GET_LENGTH = new MethodDescriptor("getLength", OBJECT, ValueType.INTEGER);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(SYSTEM)) {
            return;
        }
        MethodHolder copy = cls.getMethod(FAST_ARRAY_COPY);
        List<InvokeInstruction> lengths = copy == null || copy.getProgram() == null ? List.of()
                : lengthCalls(copy.getProgram());
        if (lengths.size() != 2) {
            throw new IllegalStateException("TeaVM's System.fastArraycopy is not the one this SDK speeds up: it"
                    + " expects TeaVM 0.13.1");
        }
        for (InvokeInstruction length : lengths) {
            UnwrapArrayInstruction unwrap = new UnwrapArrayInstruction(ArrayElementType.OBJECT);
            unwrap.setArray(length.getArguments().get(0));
            unwrap.setReceiver(copy.getProgram().createVariable());
            unwrap.setLocation(length.getLocation());
            length.insertPrevious(unwrap);
            ArrayLengthInstruction read = new ArrayLengthInstruction();
            read.setArray(unwrap.getReceiver());
            read.setReceiver(length.getReceiver());
            read.setLocation(length.getLocation());
            length.replace(read);
        }
    }

    /** The calls of {@code Array.getLength} in the program. */
    static List<InvokeInstruction> lengthCalls(Program program) {
        return IrInstructions.callsOf(program, "java.lang.reflect.Array", GET_LENGTH.getName());
    }
}
