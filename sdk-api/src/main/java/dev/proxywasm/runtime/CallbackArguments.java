package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Configuration;
import dev.proxywasm.api.Peer;

/**
 * What the generated glue passes to a plugin's callbacks: the handles of the callback's own
 * context, and author types made from the callback's wire arguments ({@link CallbackResults} maps
 * what the callback returns).
 */
public final class CallbackArguments {
    private static final byte[] EMPTY = new byte[0];

    private CallbackArguments() {}

    /** The HTTP stream {@code contextId}, for its callbacks. */
    public static BoundHttpStream httpStream(int contextId) {
        return BoundContexts.of(contextId).httpStream();
    }

    /** The TCP connection {@code contextId}, for its callbacks. */
    public static BoundConnection connection(int contextId) {
        return BoundContexts.of(contextId).connection();
    }

    /** The plugin configuration, {@code size} bytes, read once. */
    public static Configuration pluginConfiguration(int size) {
        return configuration(AbiCodes.BUFFER_PLUGIN_CONFIGURATION, size);
    }

    /** The VM configuration, {@code size} bytes, read once. */
    public static Configuration vmConfiguration(int size) {
        return configuration(AbiCodes.BUFFER_VM_CONFIGURATION, size);
    }

    /** The side that closed a connection, from its wire code; unknown codes are {@link Peer#UNKNOWN}. */
    public static Peer peer(int code) {
        return code == AbiCodes.PEER_LOCAL ? Peer.LOCAL : code == AbiCodes.PEER_REMOTE ? Peer.REMOTE : Peer.UNKNOWN;
    }

    private static Configuration configuration(int bufferType, int size) {
        byte[] bytes = size <= 0 ? null : HostBinding.host().getBufferBytes(bufferType, 0, size);
        return Configuration.of(bytes == null ? EMPTY : bytes);
    }
}
