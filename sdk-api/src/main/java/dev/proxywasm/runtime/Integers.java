package dev.proxywasm.runtime;

/**
 * Whole-number literals without floating point or {@code Long.parseLong}'s exceptions, and hex
 * digits without {@code Character.digit}, whose Unicode tables cost TeaVM modules about 1.6 KB.
 */
public final class Integers {
    private Integers() {}

    /**
     * {@code Integer.toString(value)}: the WebAssembly build makes {@code String.valueOf(int)} and
     * {@code Integer.toString(int)} this (TeaVM's make a {@code StringBuilder}, its buffer and a copy
     * for every counter and status code a plugin writes); one array of the exact size, adopted.
     */
    public static String decimal(int value) {
        // Negative throughout: Integer.MIN_VALUE has no positive counterpart.
        int negative = value < 0 ? value : -value;
        int digits = 1;
        for (int rest = negative; rest <= -10; rest /= 10) {
            digits++;
        }
        int length = value < 0 ? digits + 1 : digits;
        char[] text = new char[length];
        for (int at = length - 1, rest = negative; at >= length - digits; at--, rest /= 10) {
            text[at] = (char) ('0' - rest % 10);
        }
        if (value < 0) {
            text[0] = '-';
        }
        return Strings.adopt(text);
    }

    /** The value of an optionally negative run of digits, or null for anything else or beyond a long. */
    static Long parse(String literal) {
        boolean negative = literal.startsWith("-");
        int start = negative ? 1 : 0;
        if (literal.length() == start) {
            return null;
        }
        long value = 0;
        for (int i = start; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            int digit = c - '0';
            // Accumulated negatively: Long.MIN_VALUE has no positive counterpart.
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return null;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                return null;
            }
            return -value;
        }
        return value;
    }

    /**
     * {@code Integer.valueOf(text)} without its exception: an optional sign and ASCII digits within
     * the int range, else null. TeaVM's {@code Integer.parseInt} (2.2 KB of code with its messages)
     * reads ASCII digits only, so this is what the compiled module already accepted; the JVM's also
     * takes other scripts' digits, which no HTTP status has.
     */
    static Integer parseInt(String text) {
        int n = text.length();
        int start = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (n == start) {
            return null;
        }
        long value = 0;
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
            if (value > 0x80000000L) {
                return null;
            }
        }
        if (text.charAt(0) == '-') {
            value = -value;
        }
        return value > Integer.MAX_VALUE ? null : Integer.valueOf((int) value);
    }

    /** The value of an ASCII hex digit, or -1. */
    public static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
