package dev.proxywasm.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.abi.GuestExport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration update as Envoy applies it: a new root context replaces the current one. */
class VmReconfigurationTest {
    private static Emulator emulator(ScriptedGuest[] guest) {
        return ScriptedGuest.emulator(g -> {
            guest[0] = g;
            g.on(GuestExport.PROXY_ON_VM_START, a -> 1)
                    .on(GuestExport.PROXY_ON_CONFIGURE, a -> g.host.settings.pluginConfiguration().length > 0 ? 1 : 0)
                    .on(GuestExport.PROXY_ON_DONE, a -> 1)
                    .on(GuestExport.PROXY_ON_DELETE, a -> 0);
        });
    }

    @Test
    void anAcceptedUpdateStartsANewRootContextThenFinishesAndDeletesTheOldOne() {
        ScriptedGuest[] guest = new ScriptedGuest[1];
        Emulator emulator = emulator(guest);
        emulator.settings().setPluginConfiguration(new byte[] {1});
        assertTrue(emulator.vm().start());
        guest[0].calls.clear();
        emulator.settings().setPluginConfiguration(new byte[] {1, 2});

        assertTrue(emulator.vm().reconfigure());

        assertEquals(List.of("proxy_on_context_create[2, 0]", "proxy_on_vm_start[2, 0]", "proxy_on_configure[2, 2]",
                "proxy_on_done[1]", "proxy_on_delete[1]"), guest[0].calls);
        assertEquals(2, emulator.vm().rootContextId());
        guest[0].calls.clear();
        emulator.http().open();
        assertEquals(List.of("proxy_on_context_create[3, 2]"), guest[0].calls, "streams belong to the new root");
    }

    @Test
    void aRejectedUpdateDeletesTheNewRootContextAndTheCurrentOneGoesOn() {
        ScriptedGuest[] guest = new ScriptedGuest[1];
        Emulator emulator = emulator(guest);
        emulator.settings().setPluginConfiguration(new byte[] {1});
        emulator.vm().start();
        guest[0].calls.clear();
        emulator.settings().setPluginConfiguration(new byte[0]);

        assertFalse(emulator.vm().reconfigure());

        assertEquals(List.of("proxy_on_context_create[2, 0]", "proxy_on_vm_start[2, 0]", "proxy_on_configure[2, 0]",
                "proxy_on_done[2]", "proxy_on_delete[2]"), guest[0].calls);
        assertEquals(1, emulator.vm().rootContextId());
    }

    @Test
    void beforeStartAnUpdateIsTheStart() {
        ScriptedGuest[] guest = new ScriptedGuest[1];
        Emulator emulator = emulator(guest);
        emulator.settings().setPluginConfiguration(new byte[] {1});

        assertTrue(emulator.vm().reconfigure());

        assertEquals(List.of("proxy_on_context_create[1, 0]", "proxy_on_vm_start[1, 0]", "proxy_on_configure[1, 1]"),
                guest[0].calls);
    }
}
