package dev.proxywasm.teavm.maven;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;

/**
 * Makes TeaVM 0.13.1's {@code String.valueOf(int)} and {@code Integer.toString(int)} return
 * {@code dev.proxywasm.runtime.Integers.decimal(int)}: TeaVM's build a {@code StringBuilder}, its
 * 64-char buffer and a copy for every number a plugin writes into a header or a log line, where one
 * exactly sized array does.
 */
public final class IntegerTextTransformer implements ClassHolderTransformer {
    private static final ValueType STRING = ValueType.object(StringAppendTransformer.STRING);
    static final MethodDescriptor VALUE_OF = new MethodDescriptor("valueOf", ValueType.INTEGER, STRING);
    static final MethodDescriptor TO_STRING = new MethodDescriptor("toString", ValueType.INTEGER, STRING);
    static final MethodReference DECIMAL = new MethodReference("dev.proxywasm.runtime.Integers", "decimal",
            ValueType.INTEGER, STRING);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodDescriptor descriptor = switch (cls.getName()) {
            case StringAppendTransformer.STRING -> VALUE_OF;
            case "java.lang.Integer" -> TO_STRING;
            default -> null;
        };
        if (descriptor == null) {
            return;
        }
        MethodHolder method = cls.getMethod(descriptor);
        if (method == null || method.getProgram() == null) {
            throw new IllegalStateException("TeaVM's " + cls.getName() + "." + descriptor.getName()
                    + "(int) is not the one this SDK replaces: it expects TeaVM 0.13.1");
        }
        method.setProgram(body());
    }

    /** {@code return Integers.decimal(value)}. */
    static Program body() {
        return IrInstructions.returnsCallOf(DECIMAL);
    }
}
