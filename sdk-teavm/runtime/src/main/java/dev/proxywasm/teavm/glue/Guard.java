package dev.proxywasm.teavm.glue;

import dev.proxywasm.api.Log;
import dev.proxywasm.api.abi.LogLevel;

/**
 * What every generated export does with a {@link Throwable}: log one line naming the callback and
 * the exception, then return the callback's safe result. An uncaught exception would become a
 * wasm trap, and Envoy fails the whole VM on a trap.
 */
public final class Guard {
    private Guard() {}

    /** Logs at error level and returns 0: continue, for HTTP callbacks. */
    public static int failed(String callback, Throwable failure) {
        report(LogLevel.ERROR, callback, failure);
        return 0;
    }

    /** Logs at critical level and returns 0: plugin or VM start fails. */
    public static int startFailed(String callback, Throwable failure) {
        report(LogLevel.CRITICAL, callback, failure);
        return 0;
    }

    /** Logs at error level and returns 1: the plugin is done, so the host need not wait for it. */
    public static int doneFailed(String callback, Throwable failure) {
        report(LogLevel.ERROR, callback, failure);
        return 1;
    }

    private static void report(LogLevel level, String callback, Throwable failure) {
        try {
            Log.log(level, callback + " failed: " + describe(failure));
        } catch (Throwable ignored) {
            // Logging itself failed (no host bound, host error): nothing left to tell.
        }
    }

    /**
     * The exception's class name and, where it has one, its message. The message of an NPE the
     * runtime raised is not asked for: on TeaVM 0.13.1 {@code getMessage()} of one traps.
     */
    static String describe(Throwable failure) {
        String name = className(failure);
        String message = failure instanceof NullPointerException ? null : failure.getMessage();
        return message == null ? name : name + ": " + message;
    }

    /**
     * TeaVM keeps no name for exception classes that only its runtime instantiates (an array index
     * out of bounds has {@code getClass().getName() == null}); name those by type.
     */
    private static String className(Throwable failure) {
        String name = failure.getClass().getName();
        if (name != null) {
            return name;
        }
        if (failure instanceof ArrayIndexOutOfBoundsException) {
            return "java.lang.ArrayIndexOutOfBoundsException";
        }
        if (failure instanceof NegativeArraySizeException) {
            return "java.lang.NegativeArraySizeException";
        }
        if (failure instanceof ClassCastException) {
            return "java.lang.ClassCastException";
        }
        if (failure instanceof ArithmeticException) {
            return "java.lang.ArithmeticException";
        }
        if (failure instanceof NullPointerException) {
            return "java.lang.NullPointerException";
        }
        if (failure instanceof OutOfMemoryError) {
            return "java.lang.OutOfMemoryError";
        }
        if (failure instanceof StackOverflowError) {
            return "java.lang.StackOverflowError";
        }
        return failure instanceof Error ? "an unnamed Error" : "an unnamed exception";
    }
}
