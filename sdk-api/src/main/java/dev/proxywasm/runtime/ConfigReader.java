package dev.proxywasm.runtime;

import dev.proxywasm.api.Log;
import dev.proxywasm.api.Utf8;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strict JSON reader that generated configuration parsers call, one value at a time, straight
 * into the configuration record: no intermediate tree. It keeps the JSON path of the value being
 * read, so that a rejection names it ({@code $.rules[2].status: expected one of ALLOW, DENY, found
 * "BLOCK"}). Invalid UTF-8, duplicate keys, lone surrogates and nesting deeper than
 * {@value #MAX_DEPTH} are rejected. An empty configuration (no bytes, or only whitespace: what
 * Envoy passes when a filter has none) reads as {@code {}}, so a record without required keys
 * starts with its defaults. Built for TeaVM: no regex, no formatting, no floating point.
 */
public final class ConfigReader {
    /** The deepest nesting accepted; deeper input would risk a stack overflow, which traps a VM. */
    public static final int MAX_DEPTH = 64;

    /** Reads one value of a list or map, with the reader positioned on it. */
    @FunctionalInterface
    public interface Element<T> {
        T read();
    }

    private final String text;
    private final boolean ignoreUnknownKeys;
    /** The path of the value being read: keys as strings, list indices as integers. */
    private final List<Object> path = new ArrayList<>();
    private final List<Set<String>> keysSeen = new ArrayList<>();
    private int pos;
    private int depth;

    private ConfigReader(String text, boolean ignoreUnknownKeys) {
        this.text = text;
        this.ignoreUnknownKeys = ignoreUnknownKeys;
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
    public static <T> T parse(byte[] bytes, boolean ignoreUnknownKeys, Root<T> root) {
        try {
            return read(bytes, ignoreUnknownKeys, root);
        } catch (ConfigException e) {
            Log.critical("plugin configuration rejected: " + e.getMessage());
            return null;
        }
    }

    /** Reads {@code bytes} with {@code root}; throws {@link ConfigException} naming the path. */
    public static <T> T read(byte[] bytes, boolean ignoreUnknownKeys, Root<T> root) {
        int invalid = Utf8Check.firstInvalid(bytes);
        if (invalid >= 0) {
            throw new ConfigException("$: invalid UTF-8 at byte " + invalid);
        }
        ConfigReader in = new ConfigReader(Utf8.decode(bytes), ignoreUnknownKeys);
        in.skipWhitespace();
        if (in.pos == in.text.length()) {
            in = new ConfigReader("{}", ignoreUnknownKeys);
        }
        T value = root.read(in);
        in.skipWhitespace();
        if (in.pos < in.text.length()) {
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
        enter();
        pos++;
        keysSeen.add(new HashSet<>());
        skipWhitespace();
    }

    /**
     * The next member's key, with the reader on its value and the key on the path; or null at the
     * end of the object. A key seen before in this object is rejected.
     */
    public String nextKey() {
        Set<String> seen = keysSeen.get(keysSeen.size() - 1);
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
            keysSeen.remove(keysSeen.size() - 1);
            leave();
            return null;
        }
        if (peek() != '"') {
            throw expected("a member name");
        }
        String key = string();
        path.add(key);
        if (!seen.add(key)) {
            throw new ConfigException(path() + ": the key appears twice");
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
        path.remove(path.size() - 1);
        skipWhitespace();
    }

    /**
     * A key the record does not declare: rejected, or, when the configuration ignores unknown keys,
     * skipped with a warning (a misspelt key still reaches the operator's log).
     */
    public void unknownKey(String allowed) {
        if (!ignoreUnknownKeys) {
            throw new ConfigException(path() + ": unknown key; expected one of " + allowed);
        }
        Log.warn("plugin configuration: ignoring unknown key " + path() + "; known keys: " + allowed);
        skipValue();
    }

    /** A required member is absent; {@code key} is its JSON key. */
    public void missing(String key) {
        throw new ConfigException(path() + ": missing required key \"" + key + "\"");
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
                throw new ConfigException(path() + ": expected an object with one key, found an empty one");
            }
            if (map.containsKey(key)) {
                throw new ConfigException(path() + ": the key appears twice");
            }
            map.put(key, value.read());
            endMember();
            if (peek() != '}') {
                throw new ConfigException(path() + ": expected an object with one key, found more");
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
        enter();
        pos++;
        List<T> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            leave();
            return list;
        }
        while (true) {
            path.add(list.size());
            skipWhitespace();
            list.add(element.read());
            path.remove(path.size() - 1);
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
        String expectation = "an integer from " + min + " to " + max;
        if (literal == null) {
            throw expected(expectation);
        }
        Long value = Integers.parse(literal);
        if (value == null || value < min || value > max) {
            throw new ConfigException(path() + ": expected " + expectation + ", found " + literal);
        }
        pos = start + literal.length();
        return value;
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
            throw expected("an integer from " + min + " to " + max);
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
            throw new ConfigException(path() + ": expected a non-empty " + what + ", found an empty one");
        }
    }

    /** Rejects a string outside the record's allowed values. */
    public String checkAllowed(String value, String[] allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new ConfigException(path() + ": expected one of " + ConfigText.join(allowed) + ", found "
                + ConfigText.quote(value));
    }

    /** The record's own check (its constructor) refused the values: its message, at the record's path. */
    public ConfigException rejected(IllegalArgumentException e) {
        String message = e.getMessage();
        return new ConfigException(path() + ": " + (message != null ? message : "the values do not fit together"));
    }

    // ---- internals

    private void enter() {
        if (depth >= MAX_DEPTH) {
            throw new ConfigException(path() + ": nesting deeper than " + MAX_DEPTH);
        }
        depth++;
    }

    private void leave() {
        depth--;
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

    /** The JSON path of the value being read: {@code $.rules[2].status}. */
    String path() {
        return ConfigText.path(path);
    }

    private ConfigException expected(String expectation) {
        return new ConfigException(path() + ": expected " + expectation + ", found " + found());
    }

    /** What is at the reader's position, for messages: {@code "BLOCK"}, {@code 42}, {@code an object}. */
    private String found() {
        if (pos >= text.length()) {
            return "the end of the configuration";
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return "an object";
            case '[':
                return "an array";
            case '"': {
                int start = pos;
                try {
                    return ConfigText.quote(string());
                } catch (ConfigException e) {
                    return "a malformed string";
                } finally {
                    pos = start;
                }
            }
            default:
                break;
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, pos)) {
                return word;
            }
        }
        String number = peekNumber();
        if (number != null) {
            return number;
        }
        return "'" + c + "'";
    }

    /** The JSON number literal at the position, or null; the position does not move. */
    private String peekNumber() {
        int end = pos;
        if (end < text.length() && text.charAt(end) == '-') {
            end++;
        }
        int digitsStart = end;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        if (end == digitsStart || (text.charAt(digitsStart) == '0' && end - digitsStart > 1)) {
            return null;
        }
        if (end < text.length() && text.charAt(end) == '.') {
            int fraction = ++end;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            if (end == fraction) {
                return null;
            }
        }
        if (end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            end++;
            if (end < text.length() && (text.charAt(end) == '+' || text.charAt(end) == '-')) {
                end++;
            }
            int exponent = end;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            if (end == exponent) {
                return null;
            }
        }
        return text.substring(pos, end);
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new ConfigException(path() + ": unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw new ConfigException(path() + ": control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < text.length() ? text.charAt(pos++) : '\0';
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> escapedCharacter(sb);
                default -> throw new ConfigException(path() + ": invalid escape in a string");
            }
        }
    }

    /** A {@code \}{@code u} escape; a surrogate must come in a pair, as UTF-8 can only say pairs. */
    private void escapedCharacter(StringBuilder sb) {
        char c = hex4();
        if (Character.isHighSurrogate(c) && text.startsWith("\\u", pos)) {
            pos += 2;
            char low = hex4();
            if (Character.isLowSurrogate(low)) {
                sb.append(c).append(low);
                return;
            }
        } else if (!Character.isSurrogate(c)) {
            sb.append(c);
            return;
        }
        throw new ConfigException(path() + ": a lone surrogate escape in a string");
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw new ConfigException(path() + ": truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Integers.hexDigit(text.charAt(pos + i));
            if (d < 0) {
                throw new ConfigException(path() + ": invalid \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
