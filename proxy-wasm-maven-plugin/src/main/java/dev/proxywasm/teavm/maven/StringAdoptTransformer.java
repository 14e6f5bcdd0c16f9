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
 * Makes {@code dev.proxywasm.runtime.Strings.adopt(char[])} hand its array to the new string instead
 * of copying it: its body becomes {@code return String.fromArray(chars)}, the package-private
 * factory of TeaVM 0.13.1's {@code String} that keeps the array it is given. The SDK calls it only
 * with an array it made for that string and drops right after.
 */
public final class StringAdoptTransformer implements ClassHolderTransformer {
    static final String STRINGS = "dev.proxywasm.runtime.Strings";
    private static final ValueType CHARS = ValueType.arrayOf(ValueType.CHARACTER);
    private static final ValueType STRING = ValueType.object(StringAppendTransformer.STRING);
    static final MethodDescriptor ADOPT = new MethodDescriptor("adopt", CHARS, STRING);
    static final MethodReference FROM_ARRAY = new MethodReference(StringAppendTransformer.STRING, "fromArray", CHARS,
            STRING);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(STRINGS)) {
            return;
        }
        MethodHolder adopt = cls.getMethod(ADOPT);
        if (adopt == null || adopt.getProgram() == null) {
            throw new IllegalStateException(STRINGS + " has no adopt(char[]): the SDK and its Maven plugin differ");
        }
        adopt.setProgram(body());
    }

    /** {@code return String.fromArray(chars)}. */
    static Program body() {
        return IrInstructions.returnsCallOf(FROM_ARRAY);
    }
}
