package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.api.Body;
import dev.proxywasm.api.Connection;

/** {@link Connection} of one context. */
public final class BoundConnection implements Connection {
    private final BoundContext context;

    BoundConnection(BoundContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return context.id;
    }

    @Override
    public Body downstreamData() {
        return context.body(AbiCodes.BUFFER_DOWNSTREAM_DATA);
    }

    @Override
    public Body upstreamData() {
        return context.body(AbiCodes.BUFFER_UPSTREAM_DATA);
    }

    @Override
    public void resumeDownstream() {
        context.host().continueStream(AbiCodes.STREAM_DOWNSTREAM);
    }

    @Override
    public void resumeUpstream() {
        context.host().continueStream(AbiCodes.STREAM_UPSTREAM);
    }

    @Override
    public void closeDownstream() {
        context.host().closeStream(AbiCodes.STREAM_DOWNSTREAM);
    }

    @Override
    public void closeUpstream() {
        context.host().closeStream(AbiCodes.STREAM_UPSTREAM);
    }

    @Override
    public String toString() {
        return context.describe();
    }
}
