package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SizeHintsTest {
    @Test
    void namesTheHeavyPartsAModulePulledIn() {
        assertEquals(List.of("the module includes regular expressions (String.split, matches, replaceAll, Pattern),"
                        + " about 400 KB; avoid it to shrink the module"),
                WasmBuild.sizeHints(Set.of("java.lang.String", "java.util.regex.Pattern")));
        assertEquals(List.of(), WasmBuild.sizeHints(Set.of("java.lang.String")));
    }
}
