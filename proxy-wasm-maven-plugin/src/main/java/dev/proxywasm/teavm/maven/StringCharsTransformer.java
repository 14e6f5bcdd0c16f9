package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.exit;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.FieldReference;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.GetFieldInstruction;

/**
 * Makes {@code dev.proxywasm.runtime.Strings.chars(String)} return the string's own array instead of
 * a copy: its body becomes {@code return s.characters}, the field TeaVM 0.13.1's {@code String} keeps
 * its chars in. The SDK's callers only read the array, within the call.
 */
public final class StringCharsTransformer implements ClassHolderTransformer {
    static final MethodDescriptor CHARS_OF = new MethodDescriptor("chars",
            ValueType.object(StringAppendTransformer.STRING), StringAppendTransformer.CHARS);
    static final FieldReference CHARACTERS = new FieldReference(StringAppendTransformer.STRING, "characters");

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(StringAdoptTransformer.STRINGS)) {
            return;
        }
        MethodHolder chars = cls.getMethod(CHARS_OF);
        if (chars == null || chars.getProgram() == null) {
            throw new IllegalStateException(StringAdoptTransformer.STRINGS
                    + " has no chars(String): the SDK and its Maven plugin differ");
        }
        chars.setProgram(body());
    }

    /** {@code return s.characters}. */
    static Program body() {
        Program program = new Program();
        program.createVariable(); // this slot of a static method
        var string = program.createVariable();
        BasicBlock block = program.createBasicBlock();
        GetFieldInstruction read = new GetFieldInstruction();
        read.setInstance(string);
        read.setField(CHARACTERS);
        read.setFieldType(StringAppendTransformer.CHARS);
        read.setReceiver(program.createVariable());
        block.add(read);
        block.add(exit(read.getReceiver()));
        return program;
    }
}
