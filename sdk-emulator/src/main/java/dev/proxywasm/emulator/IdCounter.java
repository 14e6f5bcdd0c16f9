package dev.proxywasm.emulator;

/**
 * The ids the host hands out to the plugin: callout and gRPC tokens, queue ids and metric ids all
 * come from one counter, so no two of them are equal and tests see the same numbers in both modes.
 */
final class IdCounter {
    private int next = 1;

    int next() {
        return next++;
    }
}
