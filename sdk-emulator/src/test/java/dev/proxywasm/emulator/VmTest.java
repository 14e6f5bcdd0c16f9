package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.abi.GuestExport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmTest {
    @Test
    void startCreatesTheRootContextStartsTheVmAndConfiguresWithTheConfigurationsSizes() {
        List<String> calls = new ArrayList<>();
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_VM_START, a -> 1)
                .on(GuestExport.PROXY_ON_CONFIGURE, a -> {
                    calls.addAll(g.calls);
                    return 1;
                }));
        emulator.settings().setPluginConfiguration(new byte[] {1, 2, 3});

        assertTrue(emulator.vm().start());
        assertEquals(List.of("proxy_on_context_create[1, 0]", "proxy_on_vm_start[1, 0]", "proxy_on_configure[1, 3]"),
                calls);
    }

    @Test
    void aPluginRefusingItsConfigurationDoesNotStart() {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_CONFIGURE, a -> 0));

        assertFalse(emulator.vm().start());
    }

    @Test
    void ticksOnlyOnceThePluginAskedForThem() {
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_TICK, a -> 0)
                .on(GuestExport.PROXY_ON_CONFIGURE, a -> {
                    g.host.setTickPeriodMilliseconds(1000);
                    return 1;
                }));

        assertFalse(emulator.vm().tick());
        emulator.vm().start();
        assertTrue(emulator.vm().tick());
        assertEquals(1000, emulator.vm().tickPeriodMilliseconds());
    }

    @Test
    void aCallbackRunsWithItsContextActiveAndTheRootActiveAgainAfterwards() {
        int[] active = new int[1];
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_REQUEST_HEADERS, a -> {
            active[0] = g.host.activeContext();
            return 0;
        }));
        int id = emulator.http().open();

        emulator.http().requestHeaders(id, List.of(), true);

        assertEquals(id, active[0]);
    }

    @Test
    void aTrapFailsTheVmForGoodAndLaterCallbacksAreSkipped() {
        List<String> after = new ArrayList<>();
        Trap[] thrown = new Trap[1];
        Emulator emulator = ScriptedGuest.emulator(g -> g.on(GuestExport.PROXY_ON_TICK, a -> {
            thrown[0] = new Trap(GuestExport.PROXY_ON_TICK, new IllegalStateException("unreachable"));
            throw thrown[0];
        }).on(GuestExport.PROXY_ON_DONE, a -> {
            after.add("done");
            return 1;
        }).on(GuestExport.PROXY_ON_CONFIGURE, a -> {
            g.host.setTickPeriodMilliseconds(5);
            return 1;
        }));
        emulator.vm().start();
        assertNull(emulator.vm().trap());

        emulator.vm().tick();

        assertSame(thrown[0], emulator.vm().trap());
        assertTrue(emulator.vm().isFailed());
        assertFalse(emulator.vm().finish(), "a failed VM answers nothing");
        assertEquals(List.of(), after);
    }
}
