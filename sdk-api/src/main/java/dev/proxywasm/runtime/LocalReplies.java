package dev.proxywasm.runtime;

import dev.proxywasm.api.LocalResponse;

/**
 * How a {@link LocalResponse} reaches the host. The response keeps its parts private, so the
 * author API shows no wire form; its class registers the sender when it is first used, which is
 * before any response exists to be sent.
 */
public final class LocalReplies {
    /** Sends one reply through a host already acting on the stream. */
    public interface Sender {
        void send(LocalResponse response, Host host);
    }

    private static Sender sender;

    private LocalReplies() {}

    /** For {@link LocalResponse} alone. */
    public static void register(Sender newSender) {
        sender = newSender;
    }

    /** Sends {@code response} through {@code host}. */
    static void send(LocalResponse response, Host host) {
        sender.send(response, host);
    }
}
