package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader under the generated configuration parsers, on the JVM: the limits a hand-written
 * record reader reaches (the generated ones are tested through it/config-plugin in both modes).
 */
class ConfigReaderTest {

    /** A record-like reader: {@code {"a": <string>}}, the way generated code reads one. */
    private static String readA(ConfigReader in) {
        return readA(in, false);
    }

    /** {@link #readA(ConfigReader)} of a configuration that ignores unknown keys. */
    private static String readALenient(ConfigReader in) {
        return readA(in, true);
    }

    private static String readA(ConfigReader in, boolean lenient) {
        in.beginObject();
        String a = null;
        for (String key = in.nextKey(); key != null; key = in.nextKey()) {
            if (key.equals("a")) {
                a = in.readString();
            } else if (lenient) {
                in.skipUnknownKey("a");
            } else {
                in.unknownKey("a");
            }
            in.endMember();
        }
        return a;
    }

    private String message(boolean lenient, String json) {
        return withLogs(() -> assertThrows(ConfigException.class, () -> ConfigReader.read(
                json.getBytes(StandardCharsets.UTF_8), lenient ? ConfigReaderTest::readALenient
                        : ConfigReaderTest::readA)).getMessage());
    }

    private final List<String> logs = new ArrayList<>();

    /** Runs {@code read} with a host that keeps each log line as {@code level:message}. */
    private <T> T withLogs(java.util.function.Supplier<T> read) {
        HostBinding.bind((Host) Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {Host.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("log")) {
                        logs.add(args[0] + ":" + (args[1] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : args[1]));
                    }
                    return method.getReturnType() == int.class ? 0 : null;
                }));
        try {
            return read.get();
        } finally {
            HostBinding.bind(null);
        }
    }

    @Nested
    class EmptyConfiguration {
        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(value = {"''", "' \n\t '"}, quoteCharacter = '\'')
        void readsAsAnEmptyObject(String text) {
            String a = ConfigReader.read(text.getBytes(StandardCharsets.UTF_8), ConfigReaderTest::readA);

            assertEquals(null, a);
        }

        @Test
        void stillMissesTheRequiredKeys() {
            assertEquals("$: missing required key \"a\"", assertThrows(ConfigException.class,
                    () -> ConfigReader.read(new byte[0], in -> {
                        in.beginObject();
                        in.nextKey();
                        in.missing("a");
                        return null;
                    })).getMessage());
        }
    }

    @Nested
    class SecondShapes {
        private <T> T read(String json, ConfigReader.Root<T> root) {
            return ConfigReader.read(json.getBytes(StandardCharsets.UTF_8), root);
        }

        private String refused(String json, ConfigReader.Root<?> root) {
            return assertThrows(ConfigException.class, () -> read(json, root)).getMessage();
        }

        @Test
        void aLoneValueIsAOneElementList() {
            assertEquals(List.of("a"), read("\"a\"", in -> in.readListOrSingleValue(in::readString)));
            assertEquals(List.of("a", "b"), read("[\"a\", \"b\"]", in -> in.readListOrSingleValue(in::readString)));
            assertEquals("$: expected a string, found 7", refused("7", in -> in.readListOrSingleValue(in::readString)));
            assertEquals("$[1]: expected a string, found 7",
                    refused("[\"a\", 7]", in -> in.readListOrSingleValue(in::readString)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {"404 | 404", "\"404\" | 404", "\"-3\" | -3"})
        void aWholeNumberMayBeAString(String json, int value) {
            assertEquals(value, (int) read(json, in -> in.readIntOrNumericString(-10, 599)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "\"4o4\" | $: expected an integer from -10 to 599, found \"4o4\"",
            "\" 404\" | $: expected an integer from -10 to 599, found \" 404\"",
            "\"600\" | $: expected an integer from -10 to 599, found \"600\"",
            "\"\" | $: expected an integer from -10 to 599, found \"\"",
            "\"4.0\" | $: expected an integer from -10 to 599, found \"4.0\"",
        })
        void aStringThatIsNotTheWholeNumberAloneIsRefused(String json, String message) {
            assertEquals(message, refused(json, in -> in.readIntOrNumericString(-10, 599)));
        }

        @Test
        void aMapMayBeAListOfOneKeyObjects() {
            Map<String, Integer> expected = Map.of("404", 1, "503", 2);
            assertEquals(expected, read("[{\"404\": 1}, {\"503\": 2}]",
                    in -> in.readMapOrEntryList(() -> in.readInt(0, 9))));
            assertEquals(expected, read("{\"404\": 1, \"503\": 2}", in -> in.readMapOrEntryList(() -> in.readInt(0, 9))));
            assertEquals(Map.of(), read("[]", in -> in.readMapOrEntryList(() -> in.readInt(0, 9))));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "[{\"404\": 1, \"503\": 2}] | $[0]: expected an object with one key, found more",
            "[{}] | $[0]: expected an object with one key, found an empty one",
            "[{\"404\": 1}, {\"404\": 2}] | $[1].404: the key appears twice",
            "[{\"404\": 10}] | $[0].404: expected an integer from 0 to 9, found 10",
            "[404] | $[0]: expected an object, found 404",
        })
        void anEntryListIsRefusedWithThePathOfTheBadEntry(String json, String message) {
            assertEquals(message, refused(json, in -> in.readMapOrEntryList(() -> in.readInt(0, 9))));
        }
    }

    @Nested
    class UnknownKeys {
        @Test
        void areRejectedByDefault() {
            assertEquals("$.b: unknown key; expected one of a", message(false, "{\"b\": 1, \"a\": \"x\"}"));
        }

        @Test
        void areSkippedWhateverTheyHoldWhenLenient() {
            String json = "{\"b\": {\"c\": [1, -2.5e3, true, null, \"s\", {}, []]}, \"a\": \"x\", \"d\": false}";

            assertEquals("x", withLogs(() -> ConfigReader.read(json.getBytes(StandardCharsets.UTF_8),
                    ConfigReaderTest::readALenient)));
        }

        @Test
        void areEachNamedInAWarningWhenLenient() {
            withLogs(() -> ConfigReader.read("{\"b\": 1, \"a\": \"x\", \"labels\": {}}".getBytes(
                    StandardCharsets.UTF_8), ConfigReaderTest::readALenient));

            assertEquals(List.of("3:plugin configuration: ignoring unknown key $.b; known keys: a",
                    "3:plugin configuration: ignoring unknown key $.labels; known keys: a"), logs);
        }

        @Test
        void stillMayNotRepeatOrNestWithoutLimitWhenLenient() {
            assertEquals("$.b: the key appears twice", message(true, "{\"b\": 1, \"b\": 2}"));
            assertEquals("$.b.x: the key appears twice", message(true, "{\"b\": {\"x\": 1, \"x\": 1}}"));
            assertEquals("$.b" + "[0]".repeat(63) + ": nesting deeper than 64",
                    message(true, "{\"b\": " + "[".repeat(200) + "}"));
        }

        @Test
        void stillMustBeWellFormedWhenLenient() {
            assertEquals("$.b: expected a JSON value, found 'x'", message(true, "{\"b\": x}"));
        }
    }

    @Nested
    class Values {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "-9223372036854775808 | -9223372036854775808",
            "9223372036854775807 | 9223372036854775807",
            "0 | 0",
            "-0 | 0",
        })
        void wholeNumbersToTheEndsOfLong(String literal, long value) {
            assertEquals(value, (long) ConfigReader.read(literal.getBytes(StandardCharsets.US_ASCII),
                    in -> in.readLong(Long.MIN_VALUE, Long.MAX_VALUE)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "9223372036854775808 | $: expected an integer from 1 to 10, found 9223372036854775808",
            "-9223372036854775809 | $: expected an integer from 1 to 10, found -9223372036854775809",
            "1e1 | $: expected an integer from 1 to 10, found 1e1",
            "01 | $: expected an integer from 1 to 10, found 01",
            "11 | $: expected an integer from 1 to 10, found 11",
            "`1` | $: expected an integer from 1 to 10, found \"1\"",
        })
        void otherNumbersAndNonNumbersAreRefused(String literal, String message) {
            byte[] bytes = literal.replace('`', '"').getBytes(StandardCharsets.US_ASCII);
            assertEquals(message, assertThrows(ConfigException.class,
                    () -> ConfigReader.read(bytes, in -> in.readLong(1, 10))).getMessage());
        }

        @Test
        void listsAndMapsKeepTheirOrder() {
            byte[] bytes = "{\"z\": [1, 2], \"a\": []}".getBytes(StandardCharsets.US_ASCII);

            Map<String, List<Integer>> map = ConfigReader.read(bytes,
                    in -> in.readMap(() -> in.readList(() -> in.readInt(0, 9))));

            assertEquals(List.of("z", "a"), List.copyOf(map.keySet()));
            assertEquals(List.of(1, 2), map.get("z"));
        }

        @Test
        void keysThatAreNotPlainNamesAreBracketedInThePath() {
            byte[] bytes = "{\"a.b\": {\"\": [1, \"x\"]}}".getBytes(StandardCharsets.US_ASCII);

            assertEquals("$[\"a.b\"][\"\"][1]: expected an integer from 0 to 9, found \"x\"",
                    assertThrows(ConfigException.class, () -> ConfigReader.read(bytes,
                            in -> in.readMap(() -> in.readMap(() -> in.readList(() -> in.readInt(0, 9))))))
                            .getMessage());
        }

        @Test
        void aLongStringIsCutInTheMessage() {
            String json = "{\"a\": 1, \"x\": \"" + "y".repeat(100) + "\"}";

            assertEquals("$.a: expected a string, found 1", message(false, json));
            assertEquals("$.x: unknown key; expected one of a", message(false, "{\"x\": \"" + "y".repeat(100) + "\"}"));
            assertEquals("$: expected an object, found \"" + "y".repeat(40) + "...\"",
                    message(false, "\"" + "y".repeat(100) + "\""));
        }

        @Test
        void surrogatePairsAreOneCharacterAndLoneOnesAreRefused() {
            assertEquals("\uD83D\uDE00", ConfigReader.read("{\"a\": \"\\ud83d\\ude00\"}".getBytes(
                    StandardCharsets.US_ASCII), ConfigReaderTest::readA));
            assertEquals("$.a: a lone surrogate escape in a string", message(false, "{\"a\": \"\\ude00\"}"));
            assertEquals("$.a: a lone surrogate escape in a string", message(false, "{\"a\": \"\\ud83d\\u0041\"}"));
        }

        @Test
        void controlCharactersAndBadEscapesAreRefused() {
            assertEquals("$.a: control character in a string", message(false, "{\"a\": \"\u0000\"}"));
            assertEquals("$.a: invalid escape in a string", message(false, "{\"a\": \"\\x\"}"));
            assertEquals("$.a: truncated \\u escape", message(false, "{\"a\": \"\\u00"));
        }
    }

    @Nested
    class Utf8 {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "overlong slash, C0AF, 0",
            "overlong three bytes, E08080, 0",
            "a surrogate, EDA080, 0",
            "above U+10FFFF, F4908080, 0",
            "truncated, 41E282, 1",
            "a stray continuation byte, 4180, 1",
            "a missing continuation, E24141, 0",
        })
        void invalidSequencesAreFoundWhereTheyStart(String name, String hex, int at) {
            assertEquals(at, Utf8Check.firstInvalid(bytes(hex)));
        }

        @Test
        void validTextOfEveryLengthPasses() {
            assertEquals(-1, Utf8Check.firstInvalid("a\u00e9\u20ac\uD83D\uDE00\uFFFD".getBytes(StandardCharsets.UTF_8)));
        }

        private static byte[] bytes(String hex) {
            byte[] bytes = new byte[hex.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return bytes;
        }
    }
}
