package dev.proxywasm.emulator;

import dev.proxywasm.api.Action;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What a stream's callback result means to Envoy's filter manager, and what a failed VM does to
 * the stream instead: with fail-open the stream passes untouched, otherwise it gets a 503 local
 * reply ({@code wasm_fail_stream}).
 */
final class StreamCallbacks {
    private final Vm vm;

    StreamCallbacks(Vm vm) {
        this.vm = vm;
    }

    /** Runs a callback of {@code stream}: 0 continues, anything else pauses. */
    Action run(Stream stream, IntSupplier callback) {
        if (vm.isFailed()) {
            return failedStream(stream);
        }
        int result = callback.getAsInt();
        if (vm.isFailed()) {
            return failedStream(stream);
        }
        return result == 0 ? Action.CONTINUE : Action.PAUSE;
    }

    /** A headers callback: a pause holds the direction until the plugin continues it. */
    Action headers(Stream stream, boolean request, IntSupplier callback) {
        Action action = run(stream, callback);
        if (action == Action.PAUSE && !vm.isFailed()) {
            if (request) {
                stream.requestHeadersPaused = true;
            } else {
                stream.responseHeadersPaused = true;
            }
        }
        return action;
    }

    /** Envoy's treatment of a stream on a failed VM. */
    private Action failedStream(Stream stream) {
        if (vm.failOpen()) {
            return Action.CONTINUE;
        }
        if (stream.localReply == null) {
            stream.localReply = new LocalReply(503, List.of(), new byte[0], "wasm_fail_stream", -1);
        }
        return Action.PAUSE;
    }
}
