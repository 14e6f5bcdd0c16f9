package dev.proxywasm.teavm.maven;

import java.util.List;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InvokeInstruction;

/**
 * Makes TeaVM 0.13.1's {@code String.getChars} and {@code new String(char[], int, int)} (every
 * {@code StringBuilder.toString}) copy with one block move ({@code CharCopy}, in sdk-teavm) instead
 * of {@code System.arraycopy}, which checks again what both methods checked already and reaches its
 * {@code memory.copy} four calls deep. TeaVM's own string transformer writes that {@code arraycopy}
 * into both methods before this one runs; each must hold exactly one.
 */
public final class StringCopyTransformer implements ClassHolderTransformer {
    static final MethodDescriptor GET_CHARS = new MethodDescriptor("getChars", ValueType.INTEGER, ValueType.INTEGER,
            StringAppendTransformer.CHARS, ValueType.INTEGER, ValueType.VOID);
    static final MethodDescriptor FROM_RANGE = new MethodDescriptor("<init>", StringAppendTransformer.CHARS,
            ValueType.INTEGER, ValueType.INTEGER, ValueType.VOID);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(StringAppendTransformer.STRING)) {
            return;
        }
        for (MethodDescriptor descriptor : List.of(GET_CHARS, FROM_RANGE)) {
            MethodHolder method = cls.getMethod(descriptor);
            List<InvokeInstruction> copies = method == null || method.getProgram() == null ? List.of()
                    : arrayCopies(method.getProgram());
            if (copies.size() != 1) {
                throw new IllegalStateException("TeaVM's String." + descriptor.getName() + " is not the one this SDK"
                        + " speeds up: it expects TeaVM 0.13.1");
            }
            copies.get(0).setMethod(StringAppendTransformer.CHAR_COPY);
        }
    }

    /** The calls of {@code System.arraycopy} in the program. */
    static List<InvokeInstruction> arrayCopies(Program program) {
        return IrInstructions.callsOf(program, System.class.getName(), "arraycopy");
    }
}
