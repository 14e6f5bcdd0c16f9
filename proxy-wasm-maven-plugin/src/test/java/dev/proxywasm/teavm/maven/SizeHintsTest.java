package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SizeHintsTest {
    @Test
    void namesTheHeavyPartsAModulePulledInWithTheirMeasuredCost() {
        assertEquals(List.of("the module includes regular expressions (String.split, matches, replaceAll, Pattern),"
                        + " about 250 KB (properties-auth: 395,640 bytes with one String.split, 129,613 without);"
                        + " use indexOf and substring instead to keep the module small"),
                SizeHints.of(Set.of("java.lang.String", "java.util.regex.Pattern"), null));
        assertEquals(List.of(), SizeHints.of(Set.of("java.lang.String"), null));
    }
}
