package dev.proxywasm.runtime;

import dev.proxywasm.api.Log;
import dev.proxywasm.api.Utf8;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strict JSON reader that generated configuration parsers call, one value at a time, straight
 * into the configuration record: no intermediate tree. It keeps the JSON path of the value being
 * read, so that a rejection names it ({@code $.rules[2].status: expected one of ALLOW, DENY, found
 * "BLOCK"}). Invalid UTF-8, duplicate keys, lone surrogates and nesting deeper than
 * {@value #MAX_DEPTH} are rejected. An empty configuration (no bytes, or only whitespace: what
 * Envoy passes when a filter has none) reads as {@code {}}, so a record without required keys
 * starts with its defaults. Built for TeaVM: no regex, no formatting, no floating point.
 */
public final class ConfigReader extends ConfigLexer {
    /** The deepest nesting accepted; deeper input would risk a stack overflow, which traps a VM. */
    public static final int MAX_DEPTH = 64;

    /** Reads one value of a list or map, with the reader positioned on it. */
    @FunctionalInterface
    public interface Element<T> {
        T read();
    }

    private int depth;

    private ConfigReader(String text) {
        super(text);
    }

    /** What a generated parser reads at the top: the configuration record. */
    @FunctionalInterface
    public interface Root<T> {
        T read(ConfigReader in);
    }

    /**
     * Reads {@code bytes} with {@code root}, or returns null after logging one critical line that
     * says why (path, expectation, what was found): the plugin does not start.
     */
    public static <T> T parse(byte[] bytes, Root<T> root) {
        try {
            return read(bytes, root);
        } catch (ConfigException e) {
            Log.critical("plugin configuration rejected: " + e.getMessage());
            return null;
        }
    }

    /** Reads {@code bytes} with {@code root}; throws {@link ConfigException} naming the path. */
    public static <T> T read(byte[] bytes, Root<T> root) {
        int invalid = Utf8Check.firstInvalid(bytes);
        if (invalid >= 0) {
            throw new ConfigException("$: invalid UTF-8 at byte " + invalid);
        }
        String text = Utf8.decode(bytes);
        ConfigReader in = new ConfigReader(isBlank(text) ? "{}" : text);
        in.skipWhitespace();
        T value = root.read(in);
        in.skipWhitespace();
        if (in.pos < in.chars.length) {
            throw new ConfigException("$: expected the end of the configuration, found " + in.found());
        }
        return value;
    }

    // ---- objects

    /** Enters an object: the next value must be one. */
    public void beginObject() {
        if (peek() != '{') {
            throw expected("an object");
        }
        enter(new KeySet());
        pos++;
        skipWhitespace();
    }

    /**
     * The next member's key, with the reader on its value and the key on the path; or null at the
     * end of the object. A key seen before in this object is rejected.
     */
    public String nextKey() {
        KeySet seen = nesting.keys;
        if (!seen.isEmpty()) {
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
            } else if (c != '}') {
                throw expected("',' or '}'");
            }
        }
        if (peek() == '}') {
            pos++;
            leave();
            return null;
        }
        if (peek() != '"') {
            throw expected("a member name");
        }
        String key = string();
        nesting.key = key;
        if (!seen.add(key)) {
            throw fail("the key appears twice");
        }
        skipWhitespace();
        if (peek() != ':') {
            throw expected("':'");
        }
        pos++;
        skipWhitespace();
        return key;
    }

    /** Done with the current member's value: its key leaves the path. */
    public void endMember() {
        nesting.key = null;
        skipWhitespace();
    }

    /** A key the record does not declare, where unknown keys are rejected (the default). */
    public void unknownKey(String allowed) {
        throw fail("unknown key; expected one of " + allowed);
    }

    /**
     * A key the record does not declare, where the configuration ignores unknown keys: skipped with
     * a warning (a misspelt key still reaches the operator's log). A separate method, so that a
     * strict parser carries no code for skipping values.
     */
    public void skipUnknownKey(String allowed) {
        Log.warn("plugin configuration: ignoring unknown key " + path() + "; known keys: " + allowed);
        skipValue();
    }

    /** A required member is absent; {@code key} is its JSON key. */
    public void missing(String key) {
        throw fail("missing required key \"" + key + "\"");
    }

    /** Reads a JSON object with string keys into an insertion-ordered map. */
    public <T> Map<String, T> readMap(Element<T> value) {
        Map<String, T> map = new LinkedHashMap<>();
        beginObject();
        String key;
        while ((key = nextKey()) != null) {
            map.put(key, value.read());
            endMember();
        }
        return map;
    }

    /**
     * Reads a JSON object, or a list of one-key objects merged into one map
     * ({@link dev.proxywasm.api.AcceptEntryList}); a key may appear once in the whole list.
     */
    public <T> Map<String, T> readMapOrEntryList(Element<T> value) {
        if (peek() != '[') {
            return readMap(value);
        }
        Map<String, T> map = new LinkedHashMap<>();
        readList(() -> {
            beginObject();
            String key = nextKey();
            if (key == null) {
                throw fail("expected an object with one key, found an empty one");
            }
            if (map.containsKey(key)) {
                throw fail("the key appears twice");
            }
            map.put(key, value.read());
            endMember();
            if (peek() != '}') {
                throw fail("expected an object with one key, found more");
            }
            nextKey();
            return null;
        });
        return map;
    }

    // ---- arrays

    /** Reads a JSON array, or a lone element as a one-element list ({@link dev.proxywasm.api.AcceptSingleValue}). */
    public <T> List<T> readListOrSingleValue(Element<T> element) {
        if (peek() == '[') {
            return readList(element);
        }
        List<T> list = new ArrayList<>(1);
        list.add(element.read());
        return list;
    }

    /** Reads a JSON array, each element with {@code element} and its index on the path. */
    public <T> List<T> readList(Element<T> element) {
        if (peek() != '[') {
            throw expected("an array");
        }
        enter(null);
        pos++;
        List<T> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            leave();
            return list;
        }
        while (true) {
            nesting.index = list.size();
            skipWhitespace();
            list.add(element.read());
            nesting.index = -1;
            skipWhitespace();
            char c = peek();
            if (c == ']') {
                pos++;
                leave();
                return list;
            }
            if (c != ',') {
                throw expected("',' or ']'");
            }
            pos++;
        }
    }

    // ---- scalars

    /** Reads a string. */
    public String readString() {
        if (peek() != '"') {
            throw expected("a string");
        }
        return string();
    }

    /** Reads {@code true} or {@code false}. */
    public boolean readBoolean() {
        if (text.startsWith("true", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return false;
        }
        throw expected("true or false");
    }

    /** Reads a whole number from {@code min} to {@code max}. */
    public long readLong(long min, long max) {
        int start = pos;
        String literal = peekNumber();
        if (literal == null) {
            throw expected(integerRange(min, max));
        }
        Long value = Integers.parse(literal);
        if (value == null || value < min || value > max) {
            throw fail("expected " + integerRange(min, max) + ", found " + literal);
        }
        pos = start + literal.length();
        return value;
    }

    /** What a whole-number member expects, for messages; built only when one is rejected. */
    private static String integerRange(long min, long max) {
        return "an integer from " + min + " to " + max;
    }

    /** Reads a whole number from {@code min} to {@code max} that fits an {@code int}. */
    public int readInt(int min, int max) {
        return (int) readLong(min, max);
    }

    /**
     * Reads a whole number, also written as a string holding it alone ({@code "404"}; see
     * {@link dev.proxywasm.api.AcceptNumericString}).
     */
    public long readLongOrNumericString(long min, long max) {
        if (peek() != '"') {
            return readLong(min, max);
        }
        int start = pos;
        Long value = Integers.parse(string());
        if (value == null || value < min || value > max) {
            pos = start;
            throw expected(integerRange(min, max));
        }
        return value;
    }

    /** {@link #readLongOrNumericString} for an {@code int}. */
    public int readIntOrNumericString(int min, int max) {
        return (int) readLongOrNumericString(min, max);
    }

    /** Reads a string that must be one of {@code names}; returns its index. */
    public int readChoice(String[] names) {
        int start = pos;
        String value = peek() == '"' ? string() : null;
        for (int i = 0; value != null && i < names.length; i++) {
            if (names[i].equals(value)) {
                return i;
            }
        }
        pos = start;
        throw expected("one of " + ConfigText.join(names));
    }

    // ---- checks after reading, with the value still on the path

    /** Rejects an empty string, list or map where the record asks for content. */
    public void checkNonEmpty(boolean empty, String what) {
        if (empty) {
            throw fail("expected a non-empty " + what + ", found an empty one");
        }
    }

    /** Rejects a string outside the record's allowed values. */
    public String checkAllowed(String value, String[] allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw fail("expected one of " + ConfigText.join(allowed) + ", found "
                + ConfigText.quote(value));
    }

    /** The record's own check (its constructor) refused the values: its message, at the record's path. */
    public ConfigException rejected(IllegalArgumentException e) {
        String message = e.getMessage();
        return fail(message != null ? message : "the values do not fit together");
    }

    // ---- nesting

    /** Goes into an object ({@code keys} for its members) or an array ({@code keys} null). */
    private void enter(KeySet keys) {
        if (depth >= MAX_DEPTH) {
            throw fail("nesting deeper than " + MAX_DEPTH);
        }
        depth++;
        nesting = new Nesting(nesting, keys);
    }

    private void leave() {
        depth--;
        nesting = nesting.outer;
    }

    /** Skips one well-formed value (lenient mode's unknown keys), with the same limits. */
    private void skipValue() {
        char c = peek();
        if (c == '{') {
            beginObject();
            while (nextKey() != null) {
                skipValue();
                endMember();
            }
        } else if (c == '[') {
            readList(() -> {
                skipValue();
                return null;
            });
        } else if (c == '"') {
            string();
        } else if (text.startsWith("null", pos)) {
            pos += 4;
        } else if (c == 't' || c == 'f') {
            readBoolean();
        } else {
            String literal = peekNumber();
            if (literal == null) {
                throw expected("a JSON value");
            }
            pos += literal.length();
        }
    }
}
