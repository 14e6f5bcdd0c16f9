package dev.proxywasm.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Nested
    class Reads {
        @Test
        void everyKindOfValue() {
            Object value = Json.parse(" {\"s\": \"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\", \"i\": -12, \"d\": 2.5e1,"
                    + " \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [], {}]} ");

            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("s", "a\"b\\c\né\uD83D\uDE00");
            expected.put("i", JsonNumber.of("-12"));
            expected.put("d", JsonNumber.of("2.5e1"));
            expected.put("t", true);
            expected.put("f", false);
            expected.put("n", Json.NULL);
            expected.put("a", List.of(JsonNumber.of("1"), List.of(), Map.of()));
            assertEquals(expected, value);
        }

        @Test
        void keepsMemberOrderAndTheLastOfDuplicateNames() {
            Map<String, Object> object = Json.parseObject("{\"b\":1,\"a\":2,\"b\":3}");

            assertEquals(List.of("b", "a"), List.copyOf(object.keySet()));
            assertEquals(JsonNumber.of("3"), object.get("b"));
        }

        @Test
        void hugeNumbersAreKeptExactlyAndConvertOnlyOnRequest() {
            JsonNumber huge = (JsonNumber) Json.parse("123456789012345678901234567890");
            assertFalse(huge.isLong());
            assertEquals(1.2345678901234568E29, huge.doubleValue());
            assertEquals(Double.POSITIVE_INFINITY, ((JsonNumber) Json.parse("1e999999")).doubleValue());
            assertFalse(((JsonNumber) Json.parse("9".repeat(100_000))).isLong());
            assertThrows(ArithmeticException.class, () -> huge.longValue());
        }

        @Test
        void wholeNumbersInAnyNotationConvertExactly() {
            assertEquals(999999999999999999L, JsonNumber.of("999999999999999999").longValue());
            assertEquals(Long.MIN_VALUE, JsonNumber.of("-9223372036854775808").longValue());
            assertFalse(JsonNumber.of("9223372036854775808").isLong());
            assertEquals(503, JsonNumber.of("503.0").intValue());
            assertEquals(500, JsonNumber.of("5e2").intValue());
            assertEquals(500, JsonNumber.of("50000E-2").intValue());
            assertEquals(0, JsonNumber.of("0e999999999999").longValue());
            assertFalse(JsonNumber.of("0.5").isLong());
            assertFalse(JsonNumber.of("1e-999999999").isLong());
            assertFalse(JsonNumber.of("1e40").isLong());
            assertThrows(ArithmeticException.class, () -> JsonNumber.of("3000000000").intValue());
            assertEquals(JsonNumber.of("1"), Json.parse("1"));
        }

        @Test
        void nestingUpToTheLimit() {
            String deep = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

            assertInstanceOf(List.class, Json.parse(deep));
        }
    }

    @Nested
    class Rejects {
        private void rejects(String text, String message, int position) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
            assertEquals(message + " at position " + position, e.getMessage());
            assertEquals(position, e.position());
        }

        @Test
        void emptyInput() {
            rejects("", "unexpected end of input", 0);
        }

        @Test
        void leadingZeros() {
            rejects("012", "unexpected '1' after the value", 1);
        }

        @Test
        void trailingCommas() {
            rejects("[1,]", "unexpected ']'", 3);
            rejects("{\"a\":1,}", "expected a member name", 7);
        }

        @Test
        void unquotedNamesAndSingleQuotes() {
            rejects("{a:1}", "expected a member name", 1);
            rejects("['a']", "unexpected '''", 1);
        }

        @Test
        void controlCharactersInStrings() {
            rejects("\"a\nb\"", "control character in string", 2);
        }

        @Test
        void invalidEscapes() {
            rejects("\"\\x\"", "invalid escape '\\x'", 1);
            rejects("\"\\u12g4\"", "invalid \\u escape", 5);
        }

        @Test
        void nonFiniteLiteralsAndBareSigns() {
            rejects("NaN", "unexpected 'N'", 0);
            rejects("-", "invalid number", 0);
            rejects("1.", "invalid number", 0);
        }

        @Test
        void unterminatedContainers() {
            rejects("{\"a\":1", "unexpected end of input", 6);
            rejects("\"abc", "unterminated string", 4);
        }

        @Test
        void garbageAfterTheValue() {
            rejects("{} x", "unexpected 'x' after the value", 3);
        }

        @Test
        void nestingBeyondTheLimitWithoutOverflowingTheStack() {
            rejects("[".repeat(100_000), "nesting deeper than 64", 64);
        }

        @Test
        void aNonObjectWhereAnObjectIsExpected() {
            JsonException e = assertThrows(JsonException.class, () -> Json.parseObject("[1]"));
            assertEquals("expected an object at position 0", e.getMessage());
        }
    }

    @Nested
    class Writes {
        @Test
        void membersInOrder() {
            assertEquals("{\"type\":\"t\",\"status\":503,\"ok\":false,\"detail\":null}",
                    new JsonWriter().add("type", "t").add("status", 503).add("ok", false)
                            .add("detail", (String) null).text());
        }

        @Test
        void escapesWhatJsonRequires() {
            assertEquals("{\"s\":\"q\\\" b\\\\ n\\n t\\t c\\u0001 e\\u001f é 😀\"}",
                    new JsonWriter().add("s", "q\" b\\ n\n t\t c\u0001 e\u001f é 😀").toString());
        }

        @Test
        void loneSurrogatesAreEscapedSoTheOutputIsValidUtf8() {
            assertEquals("{\"s\":\"a\\ud800b\\udc00\"}", new JsonWriter().add("s", "a\uD800b\uDC00").toString());
        }

        @Test
        void anyStringRoundTrips() {
            java.util.Random random = new java.util.Random(42);
            for (int n = 0; n < 2_000; n++) {
                char[] chars = new char[random.nextInt(40)];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = random.nextBoolean() ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000);
                }
                String s = new String(chars);

                Map<String, Object> back = Json.parseObject(new JsonWriter().add("s", s).toString());

                assertEquals(s, back.get("s"));
            }
        }
    }

    @Test
    void nullIsASingleton() {
        assertSame(Json.NULL, Json.parse("null"));
        assertTrue(Json.parseObject("{\"a\":null}").containsKey("a"));
    }
}
