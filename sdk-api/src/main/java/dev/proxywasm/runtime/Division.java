package dev.proxywasm.runtime;

/**
 * Java's integer division, for the WebAssembly build: WebAssembly's {@code div} and {@code rem}
 * trap on a zero divisor, and {@code div} on {@code MIN_VALUE / -1}, where Java throws
 * {@code ArithmeticException} or wraps. A trap fails the whole VM; the build turns every {@code /}
 * and {@code %} of {@code int} or {@code long} whose divisor may be 0 or -1 into these. Plugins never
 * call them.
 */
public final class Division {
    private Division() {}

    public static int divide(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? -a : a / b;
    }

    public static int remainder(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? 0 : a % b;
    }

    public static long divide(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? -a : a / b;
    }

    public static long remainder(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("/ by zero");
        }
        return b == -1 ? 0 : a % b;
    }
}
