package dev.proxywasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.abi.Action;
import dev.proxywasm.abi.BufferType;
import dev.proxywasm.abi.LogLevel;
import dev.proxywasm.abi.MapType;
import dev.proxywasm.abi.MetricType;
import dev.proxywasm.abi.PeerType;
import dev.proxywasm.abi.StreamType;
import dev.proxywasm.abi.WasmResult;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each of the runtime's int constants is the code of the ABI table constant it is named after. */
class AbiCodesTest {
    private static final Map<String, Class<? extends Enum<?>>> TABLES = Map.of(
            "ACTION", Action.class,
            "LOG", LogLevel.class,
            "STREAM", StreamType.class,
            "MAP", MapType.class,
            "BUFFER", BufferType.class,
            "METRIC", MetricType.class,
            "PEER", PeerType.class,
            "RESULT", WasmResult.class);

    @Test
    void everyConstantIsItsTableConstantsCode() throws ReflectiveOperationException {
        int checked = 0;
        for (Field field : AbiCodes.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String name = field.getName();
            int split = name.indexOf('_');
            Class<? extends Enum<?>> table = TABLES.get(name.substring(0, split));
            assertTrue(table != null, name + " names no ABI table enum");
            Object constant = enumConstant(table, name.substring(split + 1));
            assertEquals(table.getMethod("code").invoke(constant), field.getInt(null), name);
            checked++;
        }
        int results = 4;
        int actions = 2;
        int peers = 2;
        int whole = LogLevel.values().length + StreamType.values().length + MapType.values().length
                + BufferType.values().length + MetricType.values().length;
        assertEquals(results + actions + peers + whole, checked);
    }

    private static Object enumConstant(Class<? extends Enum<?>> table, String name) {
        for (Enum<?> constant : table.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new AssertionError(table.getSimpleName() + " has no " + name);
    }
}
