package dev.proxywasm.runtime;

/**
 * The lexical half of {@link ConfigReader}: the text, the position, the JSON path for messages,
 * and the tokens (strings with their escapes, number literals, whitespace). Rejections name the
 * path and what was found there.
 */
abstract class ConfigLexer {
    final String text;
    /**
     * The text's characters: the lexer reads them as array elements, each an inline bounds check,
     * not a {@code charAt} call site with its exception check (smaller code under TeaVM).
     */
    final char[] chars;
    /** The innermost object or array being read, null at the top: the path of the value being read. */
    Nesting nesting;
    int pos;

    ConfigLexer(String text) {
        this.text = text;
        this.chars = text.toCharArray();
    }

    /** The JSON path of the value being read: {@code $.rules[2].status}. */
    final String path() {
        return ConfigText.path(nesting);
    }

    final ConfigException expected(String expectation) {
        return fail("expected " + expectation + ", found " + found());
    }

    /** A rejection at the current path: one place builds the message, not each caller. */
    final ConfigException fail(String problem) {
        return new ConfigException(path() + ": " + problem);
    }

    /** What is at the reader's position, for messages: {@code "BLOCK"}, {@code 42}, {@code an object}. */
    final String found() {
        if (pos >= chars.length) {
            return "the end of the configuration";
        }
        char c = chars[pos];
        switch (c) {
            case '{':
                return "an object";
            case '[':
                return "an array";
            case '"': {
                int start = pos;
                String shown;
                try {
                    shown = ConfigText.quote(string());
                } catch (ConfigException e) {
                    shown = "a malformed string";
                }
                pos = start;
                return shown;
            }
            default:
                break;
        }
        // The three words start with different letters: the first one names the only candidate.
        String word = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : null;
        if (word != null && text.startsWith(word, pos)) {
            return word;
        }
        // A run of the characters numbers are made of, valid or not: what to show, not to parse.
        int end = pos;
        while (end < chars.length && isNumberCharacter(chars[end])) {
            end++;
        }
        if (end > pos) {
            return text.substring(pos, end);
        }
        return "'" + c + "'";
    }

    /** The JSON number literal at the position, or null; the position does not move. */
    final String peekNumber() {
        int end = pos;
        if (end < chars.length && chars[end] == '-') {
            end++;
        }
        int digitsStart = end;
        while (end < chars.length && isDigit(chars[end])) {
            end++;
        }
        if (end == digitsStart || (chars[digitsStart] == '0' && end - digitsStart > 1)) {
            return null;
        }
        if (end < chars.length && chars[end] == '.') {
            int fraction = ++end;
            while (end < chars.length && isDigit(chars[end])) {
                end++;
            }
            if (end == fraction) {
                return null;
            }
        }
        if (end < chars.length && (chars[end] == 'e' || chars[end] == 'E')) {
            end++;
            if (end < chars.length && (chars[end] == '+' || chars[end] == '-')) {
                end++;
            }
            int exponent = end;
            while (end < chars.length && isDigit(chars[end])) {
                end++;
            }
            if (end == exponent) {
                return null;
            }
        }
        return text.substring(pos, end);
    }

    final String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        String problem;
        while (true) {
            if (pos >= chars.length) {
                problem = "unterminated string";
                break;
            }
            char c = chars[pos++];
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                problem = "control character in a string";
                break;
            }
            if (c == '\\') {
                char e = pos < chars.length ? chars[pos++] : '\0';
                if (e == 'u') {
                    escapedCharacter(sb);
                    continue;
                }
                c = unescaped(e);
                if (c == 0) {
                    problem = "invalid escape in a string";
                    break;
                }
            }
            sb.append(c);
        }
        // One rejection site for the three problems: each call site costs module size.
        throw fail(problem);
    }

    /** The character a one-letter escape stands for, or 0 for none (one append site, not seven). */
    private static char unescaped(char e) {
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> 0;
        };
    }

    private static boolean isNumberCharacter(char c) {
        return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    /** A {@code \}{@code u} escape; a surrogate must come in a pair, as UTF-8 can only say pairs. */
    final void escapedCharacter(StringBuilder sb) {
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
        throw fail("a lone surrogate escape in a string");
    }

    final char hex4() {
        if (pos + 4 > chars.length) {
            throw fail("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Integers.hexDigit(chars[pos + i]);
            if (d < 0) {
                throw fail("invalid \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    final char peek() {
        return pos < chars.length ? chars[pos] : '\0';
    }

    /** Whether {@code text} holds nothing but JSON whitespace. */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    final void skipWhitespace() {
        while (pos < chars.length && isWhitespace(chars[pos])) {
            pos++;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
