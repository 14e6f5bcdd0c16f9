package dev.proxywasm.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZeroRunRemoverTest {

    /** The first {@code size} bytes of memory as the module's data segments initialise them. */
    private static byte[] memoryImage(byte[] wasm, int size) {
        WasmModule module = Parser.parse(wasm);
        byte[] memory = new byte[size];
        for (DataSegment segment : module.dataSection().dataSegments()) {
            int offset = (int) ((ActiveDataSegment) segment).offsetInstructions().get(0).operand(0);
            System.arraycopy(segment.data(), 0, memory, offset, segment.data().length);
        }
        return memory;
    }

    @Test
    void memoryIsInitialisedIdenticallyAndTheModuleShrinks() {
        Random random = new Random(3);
        byte[] data = new byte[20_000];
        for (int i = 0; i < data.length; i += 1 + random.nextInt(40)) {
            data[i] = (byte) (1 + random.nextInt(255));
        }
        byte[] module = TinyModule.loadable().withData(1024, data).withData(40_000, new byte[] {0, 0, 7, 0, 0}).bytes();

        byte[] compacted = ZeroRunRemover.apply(module);

        assertArrayEquals(memoryImage(module, 65_536), memoryImage(compacted, 65_536));
        assertTrue(compacted.length < module.length * 0.8, compacted.length + " vs " + module.length);
        assertEquals(ModuleValidator.validate(module), ModuleValidator.validate(compacted));
    }

    @Test
    void aModuleWithoutDataIsUnchanged() {
        byte[] module = TinyModule.loadable().bytes();

        assertArrayEquals(module, ZeroRunRemover.apply(module));
    }

    @Test
    void shortZeroRunsStayInsideTheirSegment() {
        byte[] data = {1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3};
        byte[] compacted = ZeroRunRemover.apply(TinyModule.loadable().withData(100, data).bytes());

        DataSegment[] segments = Parser.parse(compacted).dataSection().dataSegments();
        assertEquals(2, segments.length);
        assertArrayEquals(new byte[] {1, 0, 0, 2}, segments[0].data());
        assertArrayEquals(new byte[] {3}, segments[1].data());
        assertEquals(113, ((ActiveDataSegment) segments[1]).offsetInstructions().get(0).operand(0));
    }
}
