package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.api.FailurePolicy;
import dev.proxywasm.api.Utf8;
import dev.proxywasm.runtime.AsyncCallbackFailure;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.IntObjectMap;
import java.util.function.Function;

/**
 * What every generated export does with a {@link Throwable}: log one line naming the callback, the
 * plugin method and the exception, apply the plugin's {@link FailurePolicy} to the stream, and
 * return the callback's result. An uncaught exception would become a wasm trap, and Envoy fails the
 * whole VM on a trap.
 */
public final class Guard {
    /** The local reply a stream gets when the plugin fails closed. */
    static final int FAILURE_STATUS = 500;

    // No static initializer: every export's failure path and proxy_on_delete call this class, and
    // one would cost an initialization check at each of those calls. The table comes with the
    // first failure; the details name the plugin from configure(), or not until then.
    private static final String DEFAULT_DETAILS = "proxy_wasm_exception";
    /** The streams that failed, each marked with {@link #FAILED} (a constant: no initializer). */
    private static final String FAILED = "failed";
    private static IntObjectMap<String> failedStreams;
    private static boolean failOpen;
    private static String pluginName;
    private static Function<Throwable, String> stackTrace;

    private Guard() {}

    /**
     * Records the plugin's {@link FailurePolicy} ({@code failOpen} for {@code FAIL_OPEN}: the glue
     * passes a constant, so no module carries the enum), from the root context's creation.
     * {@code pluginName} goes into the response-code details of the local reply, so an access log
     * tells which plugin refused; they are encoded when a reply needs them, not at each start.
     */
    public static void configure(String pluginName, boolean failOpen) {
        Guard.failOpen = failOpen;
        Guard.pluginName = pluginName;
    }

    /**
     * Lets the JVM test mode add the stack to failure lines. The compiled module keeps no stack
     * traces, so it names the plugin method instead.
     */
    public static void setStackTrace(Function<Throwable, String> format) {
        stackTrace = format;
    }

    /**
     * A request callback or the response headers callback threw: fail closed with a local reply
     * (which replaces a response that has not been sent), or continue when the plugin fails open.
     * Returns the callback's result: pause stops the stream, continue lets it go on.
     */
    public static int failStream(String callback, String method, Throwable failure) {
        return refuse(callback, method, failure, false);
    }

    /**
     * A response body or trailers callback threw: part of the response may already be on its way,
     * so failing closed resets the stream, as Envoy does for a local reply it can no longer send.
     */
    public static int resetStream(String callback, String method, Throwable failure) {
        return refuse(callback, method, failure, true);
    }

    private static int refuse(String callback, String method, Throwable failure, boolean reset) {
        // A refusal that passes through the plugin again (a local reply runs the response
        // callbacks) is let through rather than stalled. One report call for the four outcomes:
        // each call site costs module size.
        boolean refuse = !failOpen && firstFailure(CallbackContext.current());
        String outcome = failOpen ? "; the stream continues (fail open)"
                : !refuse ? "; the stream was already refused"
                : reset ? "; the stream is reset (fail closed)"
                : "; the stream gets a " + FAILURE_STATUS + " (fail closed)";
        report(AbiCodes.LOG_ERROR, callback, method, failure, outcome);
        if (!refuse) {
            return AbiCodes.ACTION_CONTINUE;
        }
        if (reset) {
            closeQuietly(AbiCodes.STREAM_RESPONSE);
            return AbiCodes.ACTION_PAUSE;
        }
        try {
            byte[] reply = Utf8.encode(pluginName == null ? DEFAULT_DETAILS : DEFAULT_DETAILS + "{" + pluginName + "}");
            HostBinding.host().sendLocalResponse(FAILURE_STATUS, reply, new byte[0], new byte[4], -1);
        } catch (Throwable replyFailed) {
            closeQuietly(AbiCodes.STREAM_REQUEST);
        }
        return AbiCodes.ACTION_PAUSE;
    }

    /** A TCP callback threw: failing closed closes the connection. */
    public static int closeConnection(String callback, String method, Throwable failure) {
        if (failOpen) {
            report(AbiCodes.LOG_ERROR, callback, method, failure, "; the connection continues (fail open)");
            return AbiCodes.ACTION_CONTINUE;
        }
        report(AbiCodes.LOG_ERROR, callback, method, failure, "; the connection is closed (fail closed)");
        closeQuietly(AbiCodes.STREAM_DOWNSTREAM);
        return AbiCodes.ACTION_PAUSE;
    }

    /**
     * A callout or gRPC callback threw. It ran on the context that made the call: a stream waiting
     * for the answer is failed as its own callback would be (a local reply, or continued when the
     * plugin fails open); a call made by the plugin itself is only logged.
     */
    public static void asyncFailed(String callback, Throwable failure) {
        String method = "the callback given to the call";
        if (!(failure instanceof AsyncCallbackFailure async)) {
            report(AbiCodes.LOG_ERROR, callback, method, failure, "");
            return;
        }
        int context = async.contextId();
        Throwable cause = async.getCause();
        if (context == 0 || Contexts.isRoot(context)) {
            report(AbiCodes.LOG_ERROR, callback, method, cause, "");
            return;
        }
        int previous = CallbackContext.enter(context);
        try {
            HostBinding.host().setEffectiveContext(context);
            if (failStream(callback, method, cause) == AbiCodes.ACTION_CONTINUE) {
                HostBinding.host().continueStream(AbiCodes.STREAM_REQUEST);
            }
        } catch (Throwable ignored) {
            // The stream is gone, or was not paused: nothing to resume or refuse.
        }
        CallbackContext.exit(previous);
    }

    /** Logs at error level, for callbacks outside a stream, and returns 0. */
    public static int failed(String callback, String method, Throwable failure) {
        report(AbiCodes.LOG_ERROR, callback, method, failure, "");
        return 0;
    }

    /** Logs at critical level and returns 0: plugin or VM start fails. */
    public static int startFailed(String callback, String method, Throwable failure) {
        report(AbiCodes.LOG_CRITICAL, callback, method, failure, "; the plugin does not start");
        return 0;
    }

    /** Logs at error level and returns 1: the plugin is done, so the host need not wait for it. */
    public static int doneFailed(String callback, String method, Throwable failure) {
        report(AbiCodes.LOG_ERROR, callback, method, failure, "");
        return 1;
    }

    /** Forgets a deleted context, so a later context with the same id starts clean. */
    static void forget(int contextId) {
        if (failedStreams != null) {
            failedStreams.remove(contextId);
        }
    }

    /** Resets the policy and the failed streams: the JVM test emulator starts each plugin from scratch. */
    static void clear() {
        failedStreams = null;
        failOpen = false;
        pluginName = null;
    }

    /** Whether this is the stream's first failure; a second one must not send a second reply. */
    private static boolean firstFailure(int stream) {
        if (failedStreams == null) {
            failedStreams = new IntObjectMap<>();
        } else if (failedStreams.get(stream) != null) {
            return false;
        }
        failedStreams.put(stream, FAILED);
        return true;
    }

    private static void closeQuietly(int direction) {
        try {
            HostBinding.host().closeStream(direction);
        } catch (Throwable ignored) {
            // The host refused (the stream is already gone): nothing more to do.
        }
    }

    private static void report(int level, String callback, String method, Throwable failure, String outcome) {
        try {
            String line = callback + " failed in " + method + ": " + describe(failure) + outcome;
            Function<Throwable, String> trace = stackTrace;
            HostBinding.host().log(level, trace == null ? line : line + trace.apply(failure));
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
