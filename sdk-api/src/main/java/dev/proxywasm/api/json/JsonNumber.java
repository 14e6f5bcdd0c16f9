package dev.proxywasm.api.json;

/**
 * A JSON number, kept as its literal text. Integral values convert exactly and cheaply
 * ({@link #isLong()}, {@link #longValue()}); only {@link #doubleValue()} needs floating-point
 * parsing, which under TeaVM adds about 60 KB to the module, so a plugin that never calls it does
 * not pay for it. Equality is by literal: {@code 1} and {@code 1.0} differ.
 */
public final class JsonNumber {
    private final String literal;

    JsonNumber(String literal) {
        this.literal = literal;
    }

    /** The number with this JSON literal; throws {@link JsonException} if it is not one. */
    public static JsonNumber of(String literal) {
        Object value = Json.parse(literal);
        if (!(value instanceof JsonNumber number)) {
            throw new JsonException("not a number", 0);
        }
        return number;
    }

    /** Whether the value is a whole number that fits a {@code long} (1e3 and 5.0 are; 0.5 is not). */
    public boolean isLong() {
        return exactLong() != null;
    }

    /** The value as a {@code long}; throws {@link ArithmeticException} if it is not one exactly. */
    public long longValue() {
        Long value = exactLong();
        if (value == null) {
            throw new ArithmeticException(literal + " is not a whole number in the range of long");
        }
        return value;
    }

    /** The value as an {@code int}; throws {@link ArithmeticException} if it is not one exactly. */
    public int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ArithmeticException(literal + " is out of the range of int");
        }
        return (int) value;
    }

    /** The value as a {@code double} (huge values become infinite). */
    public double doubleValue() {
        return Double.parseDouble(literal);
    }

    /** The literal as it appeared in the JSON text. */
    @Override
    public String toString() {
        return literal;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber n && n.literal.equals(literal);
    }

    @Override
    public int hashCode() {
        return literal.hashCode();
    }

    /** Exact conversion without floating point: digits, shifted by the exponent. */
    private Long exactLong() {
        int i = 0;
        boolean negative = literal.charAt(0) == '-';
        if (negative) {
            i++;
        }
        StringBuilder digits = new StringBuilder();
        int fractionDigits = 0;
        boolean inFraction = false;
        for (; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '.') {
                inFraction = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                digits.append(c);
                if (inFraction) {
                    fractionDigits++;
                }
            }
        }
        long exponent = 0;
        if (i < literal.length()) {
            String e = literal.substring(i + 1);
            boolean negativeExponent = e.startsWith("-");
            e = e.startsWith("-") || e.startsWith("+") ? e.substring(1) : e;
            if (e.length() > 9) {
                return allZero(digits) ? 0L : null;
            }
            exponent = negativeExponent ? -Long.parseLong(e) : Long.parseLong(e);
        }
        long shift = exponent - fractionDigits;
        while (shift < 0) {
            if (digits.length() == 0 || digits.charAt(digits.length() - 1) != '0') {
                return allZero(digits) ? 0L : null;
            }
            digits.setLength(digits.length() - 1);
            shift++;
        }
        while (digits.length() > 1 && digits.charAt(0) == '0') {
            digits.deleteCharAt(0);
        }
        if (shift > 19 || digits.length() + shift > 19) {
            return allZero(digits) ? 0L : null;
        }
        for (long s = 0; s < shift; s++) {
            digits.append('0');
        }
        long magnitude = 0;
        for (int d = 0; d < digits.length(); d++) {
            int digit = digits.charAt(d) - '0';
            if (magnitude > (Long.MAX_VALUE - digit) / 10) {
                return negative && magnitude == Long.MAX_VALUE / 10 && digit == 8 && d == digits.length() - 1
                        ? Long.MIN_VALUE : null;
            }
            magnitude = magnitude * 10 + digit;
        }
        return negative ? -magnitude : magnitude;
    }

    private static boolean allZero(CharSequence digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
