package dev.proxywasm.runtime;

import dev.proxywasm.api.Body;
import dev.proxywasm.api.Connection;
import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.StreamType;

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
        return context.body(BufferType.DOWNSTREAM_DATA.code());
    }

    @Override
    public Body upstreamData() {
        return context.body(BufferType.UPSTREAM_DATA.code());
    }

    @Override
    public void resumeDownstream() {
        context.host().continueStream(StreamType.DOWNSTREAM.code());
    }

    @Override
    public void resumeUpstream() {
        context.host().continueStream(StreamType.UPSTREAM.code());
    }

    @Override
    public void closeDownstream() {
        context.host().closeStream(StreamType.DOWNSTREAM.code());
    }

    @Override
    public void closeUpstream() {
        context.host().closeStream(StreamType.UPSTREAM.code());
    }

    @Override
    public String toString() {
        return context.describe();
    }
}
