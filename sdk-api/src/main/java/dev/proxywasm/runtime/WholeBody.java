package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.api.Log;
import dev.proxywasm.api.Utf8;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.runtime.IntObjectMap;

/**
 * Buffers a direction's body until it is complete, for the generated exports of plugins with
 * {@code @OnWholeRequestBody} or {@code @OnWholeResponseBody}. Envoy ends a body in one of two ways:
 * a body callback with end of stream, or a last body callback without it followed by the trailers
 * callback. Either way the handler runs exactly once, with the whole body buffered in the host.
 */
public final class WholeBody {
    /** From {@link #onBody}: the body is complete, run the handler now. */
    public static final int DELIVER = -1;
    /** A body callback's result that buffers the chunk (StopIterationAndBuffer). */
    private static final int BUFFER = AbiCodes.ACTION_PAUSE;
    private static final int CONTINUE = AbiCodes.ACTION_CONTINUE;
    private static final int REQUEST_DONE = 1;
    private static final int RESPONSE_DONE = 2;
    private static final int REQUEST_SEEN = 4;
    private static final int RESPONSE_SEEN = 8;

    /**
     * Each buffering stream's flags, made with the first: every module deletes contexts through
     * {@link #forget}, and a class without a static initializer costs no initialization check there.
     */
    private static IntObjectMap<int[]> streams;

    private WholeBody() {}

    /**
     * A body callback of one direction: buffer until end of stream, then {@link #DELIVER}. A body
     * over {@code maxBytes} is refused (a 413 for a request, a reset for a response whose headers
     * are already on their way) and never delivered.
     */
    public static int onBody(int contextId, boolean response, int bufferedSize, boolean endOfStream, int maxBytes) {
        if (has(contextId, response ? RESPONSE_DONE : REQUEST_DONE)) {
            return CONTINUE;
        }
        if (bufferedSize > maxBytes) {
            mark(contextId, response ? RESPONSE_DONE : REQUEST_DONE);
            refuse(response, bufferedSize, maxBytes);
            return BUFFER;
        }
        if (!endOfStream) {
            mark(contextId, response ? RESPONSE_SEEN : REQUEST_SEEN);
            return BUFFER;
        }
        mark(contextId, response ? RESPONSE_DONE : REQUEST_DONE);
        return DELIVER;
    }

    /**
     * The trailers callback of one direction: whether a body came and still awaits its handler
     * (trailers after headers alone end a stream that has no body).
     */
    public static boolean onTrailers(int contextId, boolean response) {
        if (!has(contextId, response ? RESPONSE_SEEN : REQUEST_SEEN)
                || has(contextId, response ? RESPONSE_DONE : REQUEST_DONE)) {
            return false;
        }
        mark(contextId, response ? RESPONSE_DONE : REQUEST_DONE);
        return true;
    }

    /** Forgets a deleted stream. */
    static void forget(int contextId) {
        if (streams != null) {
            streams.remove(contextId);
        }
    }

    /** Forgets every stream: the JVM test emulator starts each plugin from scratch. */
    static void clear() {
        streams = null;
    }

    private static boolean has(int contextId, int flag) {
        int[] flags = streams == null ? null : streams.get(contextId);
        return flags != null && (flags[0] & flag) != 0;
    }

    private static void mark(int contextId, int flag) {
        if (streams == null) {
            streams = new IntObjectMap<>();
        }
        int[] flags = streams.get(contextId);
        if (flags == null) {
            flags = new int[1];
            streams.put(contextId, flags);
        }
        flags[0] |= flag;
    }

    private static void refuse(boolean response, int size, int maxBytes) {
        String direction = response ? "response" : "request";
        Log.warn("the whole " + direction + " body is over " + maxBytes + " bytes (" + size + " so far); "
                + (response ? "the stream is reset" : "the request gets a 413"));
        if (response) {
            HostBinding.host().closeStream(AbiCodes.STREAM_RESPONSE);
        } else {
            HostBinding.host().sendLocalResponse(413, Utf8.encode("proxy_wasm_body_too_large"), new byte[0],
                    new byte[4], -1);
        }
    }
}
