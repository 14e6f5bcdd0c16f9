package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.MethodHolder;
import org.teavm.model.ReferenceCache;
import org.teavm.parsing.ClasspathClassHolderSource;

/** TeaVM's own allocator, read from its runtime. */
class ZeroFillTransformerTest {
    private static ClassHolder teavmAllocator() {
        return new ClasspathClassHolderSource(new ReferenceCache()).get(ZeroFillTransformer.ALLOCATOR);
    }

    private static List<String> calls(ClassHolder allocator, String name) {
        MethodHolder method = allocator.getMethods().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
        return StringAppendTransformer.calls(method.getProgram());
    }

    @Test
    void objectsAndArraysAreZeroedThroughZeroFill() {
        ClassHolder allocator = teavmAllocator();
        assertEquals(List.of("alloc", "toAddress", "fillZero", "pack", "toAddress"), calls(allocator, "allocate"),
                "TeaVM 0.13.1 as published");

        new ZeroFillTransformer().transformClass(allocator, null);

        assertEquals(List.of("alloc", "toAddress", "fill", "pack", "toAddress"), calls(allocator, "allocate"));
        assertEquals(1, calls(allocator, "allocateArray").stream().filter("fill"::equals).count());
        assertEquals(0, calls(allocator, "allocateArray").stream().filter("fillZero"::equals).count());
    }

    @Test
    void anotherAllocatorIsRefused() {
        ClassHolder allocator = teavmAllocator();
        new ZeroFillTransformer().transformClass(allocator, null);

        assertThrows(IllegalStateException.class, () -> new ZeroFillTransformer().transformClass(allocator, null));
    }
}
