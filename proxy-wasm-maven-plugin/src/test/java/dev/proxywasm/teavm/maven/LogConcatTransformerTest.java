package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proxywasm.api.Log;
import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderSource;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;
import org.teavm.model.ReferenceCache;
import org.teavm.model.text.ListingBuilder;
import org.teavm.parsing.ClasspathClassHolderSource;

/**
 * Log lines of a fixture class, read from the classpath. The fixture writes its concatenations as
 * TeaVM has rewritten {@code a + b} by the time its classes reach the transformers: a
 * {@code StringBuilder}, one {@code append} per value, {@code toString()}.
 */
class LogConcatTransformerTest {
    private final ClassHolderSource classes = new ClasspathClassHolderSource(new ReferenceCache());

    /** The fixture. */
    static final class Lines {
        static void oneLine(String arrow, String name, int count) {
            Log.info(new StringBuilder().append((Object) arrow).append((Object) name).append((Object) ": ")
                    .append(count).toString());
        }

        static void throughALocal(String name, long size, char unit, boolean last) {
            String line = new StringBuilder().append((Object) name).append(size).append(unit).append(last).toString();
            Log.warn(line);
        }

        static String alsoReturned(String name) {
            String line = new StringBuilder().append((Object) "name ").append((Object) name).toString();
            Log.info(line);
            return line;
        }

        static void withADouble(double ratio) {
            Log.info(new StringBuilder().append((Object) "ratio ").append(ratio).toString());
        }

        static void withChars(char[] chars) {
            Log.info(new StringBuilder().append((Object) "chars ").append(chars).toString());
        }

        static void builderUsedAgain(String name) {
            StringBuilder builder = new StringBuilder().append((Object) name);
            Log.info(builder.toString());
            Log.info(builder.append((Object) "!").toString());
        }

        static void atEachLevel(String s) {
            Log.trace(new StringBuilder().append((Object) "t ").append((Object) s).toString());
            Log.debug(new StringBuilder().append((Object) "d ").append((Object) s).toString());
            Log.critical(new StringBuilder().append((Object) "c ").append((Object) s).toString());
        }
    }

    private Program transformed(String method) {
        ClassHolder fixture = classes.get(Lines.class.getName());
        new LogConcatTransformer().transformClass(fixture, null);
        MethodHolder holder = fixture.getMethods().stream().filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow();
        return holder.getProgram();
    }

    private static int calls(Program program, String className, String name) {
        return IrInstructions.callsOf(program, className, name).size();
    }

    private static void assertLogLines(int expected, Program program) {
        String listing = new ListingBuilder().buildListing(program, "");
        assertEquals(expected, calls(program, "dev.proxywasm.runtime.LogLine", "write"), listing);
        if (expected > 0) {
            assertEquals(0, calls(program, LogConcatTransformer.BUILDER, "toString"), listing);
            assertEquals(0, calls(program, LogConcatTransformer.BUILDER, "append"), listing);
        }
    }

    @Test
    void aConcatenationThatOnlyGoesToTheLogBecomesItsParts() {
        Program program = transformed("oneLine");

        assertLogLines(1, program);
        assertEquals(1, calls(program, StringAppendTransformer.STRING, "valueOf"),
                "the int, where it was appended; the String parameters and the literal are strings already");
    }

    @Test
    void throughALocalAndWithLongCharAndBooleanToo() {
        assertLogLines(1, transformed("throughALocal"));
    }

    @Test
    void everyOneLevelMethodIsTaken() {
        assertLogLines(3, transformed("atEachLevel"));
    }

    @Test
    void aStringAlsoUsedElsewhereIsLeftAlone() {
        assertLogLines(0, transformed("alsoReturned"));
        assertLogLines(0, transformed("builderUsedAgain"));
    }

    @Test
    void doublesAndCharArraysAreLeftToTeavm() {
        assertLogLines(0, transformed("withADouble"));
        assertLogLines(0, transformed("withChars"));
    }
}
