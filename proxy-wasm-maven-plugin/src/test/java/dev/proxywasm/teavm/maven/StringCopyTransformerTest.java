package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.classlib.impl.string.DefaultStringTransformer;
import org.teavm.model.ClassHolder;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.ReferenceCache;
import org.teavm.parsing.ClasspathClassHolderSource;

/** TeaVM's own {@code String}, read from its class library and transformed as TeaVM does before us. */
class StringCopyTransformerTest {
    private static ClassHolder teavmString() {
        ClassHolder string = new ClasspathClassHolderSource(new ReferenceCache()).get(StringAppendTransformer.STRING);
        new DefaultStringTransformer().transformClass(string, null);
        return string;
    }

    private static List<String> calls(ClassHolder string, MethodDescriptor method) {
        return StringAppendTransformer.calls(string.getMethod(method).getProgram());
    }

    @Test
    void getCharsAndTheRangeConstructorCopyWithOneBlockMove() {
        ClassHolder string = teavmString();
        assertEquals(1, StringCopyTransformer.arrayCopies(string.getMethod(StringCopyTransformer.GET_CHARS)
                .getProgram()).size(), "TeaVM 0.13.1 as its string transformer leaves it");

        new StringCopyTransformer().transformClass(string, null);

        assertEquals(List.of("<init>", "length", "copy"), calls(string, StringCopyTransformer.GET_CHARS),
                "out of range throws (its block comes first), the range check reads the length, one copy");
        assertEquals(List.of("<init>", "checkFromIndexSize", "copy"), calls(string, StringCopyTransformer.FROM_RANGE),
                "Object's constructor, the range check, one copy");
    }

    @Test
    void theStringBuilderRewriteFindsTheCharsWhereItReadsThem() {
        assertEquals(StringAppendTransformer.CHARS, teavmString().getField("characters").getType());
    }

    @Test
    void anotherStringIsRefused() {
        ClassHolder string = teavmString();
        new StringCopyTransformer().transformClass(string, null);

        assertThrows(IllegalStateException.class, () -> new StringCopyTransformer().transformClass(string, null));
    }
}
