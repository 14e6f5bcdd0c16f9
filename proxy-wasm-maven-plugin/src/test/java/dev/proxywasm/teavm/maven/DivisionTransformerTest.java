package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderSource;
import org.teavm.model.MethodHolder;
import org.teavm.model.ReferenceCache;
import org.teavm.parsing.ClasspathClassHolderSource;

/** Divisions of a fixture class, read from the classpath as TeaVM reads a plugin's classes. */
class DivisionTransformerTest {
    private final ClassHolderSource classes = new ClasspathClassHolderSource(new ReferenceCache());

    /** The fixture: divisions whose divisor may or may not trap in WebAssembly. */
    static final class Divisions {
        static int byVariable(int a, int b) {
            return a / b + a % b;
        }

        static long longByVariable(long a, long b) {
            return a / b + a % b;
        }

        static int byTen(int a) {
            return a / 10 + a % 10;
        }

        static int byMinusOne(int a) {
            return a / -1;
        }

        static int byZero(int a) {
            return a % 0;
        }

        static double doubles(double a, double b) {
            return a / b;
        }
    }

    private int calls(String method, String name) {
        ClassHolder fixture = classes.get(Divisions.class.getName());
        new DivisionTransformer().transformClass(fixture, null);
        MethodHolder holder = fixture.getMethods().stream().filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow();
        return IrInstructions.callsOf(holder.getProgram(), DivisionTransformer.DIVISION, name).size();
    }

    @Test
    void aVariableDivisorGoesThroughDivisionForIntAndLong() {
        assertEquals(1, calls("byVariable", "divide"));
        assertEquals(1, calls("byVariable", "remainder"));
        assertEquals(1, calls("longByVariable", "divide"));
        assertEquals(1, calls("longByVariable", "remainder"));
    }

    @Test
    void aConstantDivisorOtherThanZeroAndMinusOneCannotTrapAndStays() {
        assertEquals(0, calls("byTen", "divide"));
        assertEquals(0, calls("byTen", "remainder"));
    }

    @Test
    void zeroAndMinusOneAsConstantsGoThroughDivision() {
        assertEquals(1, calls("byMinusOne", "divide"));
        assertEquals(1, calls("byZero", "remainder"));
    }

    @Test
    void floatingPointDivisionNeverTrapsAndStays() {
        assertEquals(0, calls("doubles", "divide"));
    }
}
