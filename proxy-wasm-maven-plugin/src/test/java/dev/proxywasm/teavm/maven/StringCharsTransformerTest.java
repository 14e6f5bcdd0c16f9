package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderSource;
import org.teavm.model.MethodHolder;
import org.teavm.model.ReferenceCache;
import org.teavm.model.instructions.ExitInstruction;
import org.teavm.model.instructions.GetFieldInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/**
 * The SDK's {@code Strings}, read from the classpath. The field itself exists only in TeaVM's own
 * {@code String}: every test that logs through a compiled module reads it.
 */
class StringCharsTransformerTest {
    private final ClassHolderSource classes = new ClasspathClassHolderSource(new ReferenceCache());

    @Test
    void charsReturnsTheStringsOwnArray() {
        ClassHolder strings = classes.get(StringAdoptTransformer.STRINGS);
        MethodHolder chars = strings.getMethod(StringCharsTransformer.CHARS_OF);

        new StringCharsTransformer().transformClass(strings, null);

        var block = chars.getProgram().basicBlockAt(0);
        GetFieldInstruction read = (GetFieldInstruction) block.getFirstInstruction();
        assertEquals(StringCharsTransformer.CHARACTERS, read.getField());
        assertEquals(chars.getProgram().variableAt(1), read.getInstance(), "the string it was given");
        assertEquals(read.getReceiver(), ((ExitInstruction) block.getLastInstruction()).getValueToReturn());
    }

    @Test
    void aStringsWithoutCharsIsRefused() {
        ClassHolder strings = classes.get(StringAdoptTransformer.STRINGS);
        strings.removeMethod(strings.getMethod(StringCharsTransformer.CHARS_OF));

        assertThrows(IllegalStateException.class, () -> new StringCharsTransformer().transformClass(strings, null));
    }
}
