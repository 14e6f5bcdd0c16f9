package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderSource;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ReferenceCache;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/** {@code String} and {@code Integer}, read from the classpath. */
class IntegerTextTransformerTest {
    private final ClassHolderSource classes = new ClasspathClassHolderSource(new ReferenceCache());

    private void assertCallsDecimal(String className, MethodDescriptor descriptor) {
        ClassHolder cls = classes.get(className);
        MethodHolder method = cls.getMethod(descriptor);

        new IntegerTextTransformer().transformClass(cls, null);

        InvokeInstruction call = (InvokeInstruction) method.getProgram().basicBlockAt(0).getFirstInstruction();
        assertEquals(IntegerTextTransformer.DECIMAL, call.getMethod());
        assertEquals(method.getProgram().variableAt(1), call.getArguments().get(0), "the int it was given");
    }

    @Test
    void stringValueOfIntAndIntegerToStringReturnTheDecimal() {
        assertCallsDecimal(StringAppendTransformer.STRING, IntegerTextTransformer.VALUE_OF);
        assertCallsDecimal("java.lang.Integer", IntegerTextTransformer.TO_STRING);
    }

    @Test
    void aStringWithoutValueOfIntIsRefused() {
        ClassHolder string = classes.get(StringAppendTransformer.STRING);
        string.removeMethod(string.getMethod(IntegerTextTransformer.VALUE_OF));

        assertThrows(IllegalStateException.class, () -> new IntegerTextTransformer().transformClass(string, null));
    }
}
