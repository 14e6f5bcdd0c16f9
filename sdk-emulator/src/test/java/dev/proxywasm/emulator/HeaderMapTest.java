package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.proxywasm.api.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Envoy's header map rules, which every emulated map follows. */
class HeaderMapTest {
    private final HeaderMap map = HeaderMap.of(List.of(new Header("Set-Cookie", "a"), new Header("x-b", "1"),
            new Header("set-cookie", "b")));

    @Test
    void namesAreLowerCasedAndGetReturnsTheFirstValue() {
        assertEquals("a", map.get("SET-COOKIE"));
        assertEquals(new Header("set-cookie", "a"), map.pairs().get(0));
    }

    @Test
    void replaceChangesTheFirstOccurrenceOnly() {
        map.replace("Set-Cookie", "c");

        assertEquals(List.of(new Header("set-cookie", "c"), new Header("x-b", "1"), new Header("set-cookie", "b")),
                map.pairs());
    }

    @Test
    void replaceAppendsAnAbsentHeader() {
        map.replace("x-new", "n");

        assertEquals(new Header("x-new", "n"), map.pairs().get(3));
    }

    @Test
    void removeRemovesEveryOccurrence() {
        map.remove("set-cookie");

        assertEquals(List.of(new Header("x-b", "1")), map.pairs());
        assertNull(map.get("set-cookie"));
    }
}
