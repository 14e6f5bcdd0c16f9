package dev.proxywasm.runtime;

/**
 * The calls of one kind in flight, by the host's token, in the runtime's int-keyed table rather
 * than a {@code HashMap} of boxed tokens (which brought the map, its iterators and
 * {@code Integer} into every module that calls out). The table reserves key 0, which a host may
 * still hand out as a token, so that one waits in a field of its own.
 */
final class CallsInFlight {
    private final IntObjectMap<InFlightCall> byToken = new IntObjectMap<>();
    private InFlightCall zero;

    /** Records {@code call} under {@code token}, replacing any call recorded there. */
    void put(int token, InFlightCall call) {
        if (token == 0) {
            zero = call;
        } else {
            byToken.put(token, call);
        }
    }

    /** The call of {@code token}, or {@code null}. */
    InFlightCall get(int token) {
        return token == 0 ? zero : byToken.get(token);
    }

    /** Forgets the call of {@code token} and returns it, or {@code null}. */
    InFlightCall remove(int token) {
        if (token != 0) {
            return byToken.remove(token);
        }
        InFlightCall call = zero;
        zero = null;
        return call;
    }

    /** Forgets every call context {@code contextId} made. */
    void forgetContext(int contextId) {
        if (zero != null && zero.contextId == contextId) {
            zero = null;
        }
        if (byToken.size() == 0) {
            return;
        }
        for (int token : byToken.keys()) {
            if (byToken.get(token).contextId == contextId) {
                byToken.remove(token);
            }
        }
    }

    /** Forgets every call. */
    void clear() {
        byToken.clear();
        zero = null;
    }
}
