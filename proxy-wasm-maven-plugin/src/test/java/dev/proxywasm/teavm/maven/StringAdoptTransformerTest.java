package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderSource;
import org.teavm.model.MethodHolder;
import org.teavm.model.ReferenceCache;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/** The SDK's {@code Strings} and TeaVM's own {@code String}, read from the classpath. */
class StringAdoptTransformerTest {
    private final ClassHolderSource classes = new ClasspathClassHolderSource(new ReferenceCache());

    @Test
    void adoptHandsTheArrayToTeavmsOwnFactory() {
        ClassHolder strings = classes.get(StringAdoptTransformer.STRINGS);
        MethodHolder adopt = strings.getMethod(StringAdoptTransformer.ADOPT);

        new StringAdoptTransformer().transformClass(strings, null);

        assertEquals(List.of("fromArray"), StringAppendTransformer.calls(adopt.getProgram()));
        InvokeInstruction call = (InvokeInstruction) adopt.getProgram().basicBlockAt(0).getFirstInstruction();
        assertEquals(StringAdoptTransformer.FROM_ARRAY, call.getMethod());
        assertEquals(adopt.getProgram().variableAt(1), call.getArguments().get(0), "the array it was given");
    }

    @Test
    void teavmsStringHasTheFactory() {
        MethodHolder fromArray = classes.get(StringAppendTransformer.STRING)
                .getMethod(StringAdoptTransformer.FROM_ARRAY.getDescriptor());

        assertNotNull(fromArray, "TeaVM 0.13.1's String.fromArray(char[])");
        assertEquals(ValueType.object(StringAppendTransformer.STRING), fromArray.getResultType());
    }

    @Test
    void aStringsWithoutAdoptIsRefused() {
        ClassHolder strings = classes.get(StringAdoptTransformer.STRINGS);
        strings.removeMethod(strings.getMethod(StringAdoptTransformer.ADOPT));

        assertThrows(IllegalStateException.class, () -> new StringAdoptTransformer().transformClass(strings, null));
    }
}
