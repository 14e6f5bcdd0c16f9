package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proxywasm.abi.PeerType;
import dev.proxywasm.api.Action;
import dev.proxywasm.api.GrpcStatus;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.Peer;
import org.junit.jupiter.api.Test;

/** The author enums carry no codes; these are the codes the ABI and gRPC give them. */
class WireCodesTest {

    @Test
    void logLevelsHaveTheAbisCodes() {
        for (LogLevel level : LogLevel.values()) {
            assertEquals(dev.proxywasm.abi.LogLevel.valueOf(level.name()).code(), WireCodes.code(level),
                    level::name);
        }
    }

    @Test
    void actionsAndPeersHaveTheAbisCodes() {
        for (Action action : Action.values()) {
            assertEquals(dev.proxywasm.abi.Action.valueOf(action.name()).code(), WireCodes.code(action), action::name);
            assertEquals(WireCodes.code(action), CallbackResults.action(action), action::name);
        }
        for (Peer peer : Peer.values()) {
            assertEquals(PeerType.valueOf(peer.name()).code(), WireCodes.code(peer), peer::name);
        }
        assertEquals(LogLevel.values().length, dev.proxywasm.abi.LogLevel.values().length);
        assertEquals(Action.values().length, dev.proxywasm.abi.Action.values().length);
        assertEquals(Peer.values().length, PeerType.values().length);
    }

    @Test
    void peersRoundTripAndUnknownCodesAreUnknown() {
        for (Peer peer : Peer.values()) {
            assertEquals(peer, WireCodes.peer(WireCodes.code(peer)));
        }
        assertEquals(Peer.LOCAL, WireCodes.peer(1));
        assertEquals(Peer.REMOTE, WireCodes.peer(2));
        assertEquals(Peer.UNKNOWN, WireCodes.peer(7));
    }

    @Test
    void grpcStatusesHaveGrpcsCodesAndOthersAreUnknown() {
        assertEquals(GrpcStatus.OK, WireCodes.grpcStatus(0));
        assertEquals(GrpcStatus.NOT_FOUND, WireCodes.grpcStatus(5));
        assertEquals(GrpcStatus.UNAVAILABLE, WireCodes.grpcStatus(14));
        assertEquals(GrpcStatus.UNAUTHENTICATED, WireCodes.grpcStatus(16));
        assertEquals(17, GrpcStatus.values().length, "gRPC defines codes 0 to 16");
        for (GrpcStatus status : GrpcStatus.values()) {
            assertEquals(status, WireCodes.grpcStatus(WireCodes.code(status)), status::name);
        }
        assertEquals(14, WireCodes.code(GrpcStatus.UNAVAILABLE));
        for (int code = 0; code < GrpcStatus.values().length; code++) {
            assertEquals(GrpcStatus.values()[code], WireCodes.grpcStatus(code), "code " + code);
        }
        assertEquals(GrpcStatus.UNKNOWN, WireCodes.grpcStatus(17));
        assertEquals(GrpcStatus.UNKNOWN, WireCodes.grpcStatus(-1));
    }
}
