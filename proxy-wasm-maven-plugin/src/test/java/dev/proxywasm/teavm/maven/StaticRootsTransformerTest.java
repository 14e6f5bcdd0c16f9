package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teavm.model.ClassHolder;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.Program;
import org.teavm.model.ReferenceCache;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.parsing.ClasspathClassHolderSource;

/** TeaVM's own GC, read from its jar: both readers of the static roots step 8 bytes past the count. */
class StaticRootsTransformerTest {
    @Test
    void bothReadersOfTheStaticRootsSkipTheEightByteCount() {
        ClassHolder gc = new ClasspathClassHolderSource(new ReferenceCache()).get(StaticRootsTransformer.GC);
        assertEquals(List.of("Address.sizeOf()"), stepsPastCount(gc), "TeaVM 0.13.1 as published");

        new StaticRootsTransformer().transformClass(gc, null);

        assertEquals(List.of("8"), stepsPastCount(gc));
    }

    /** What the first {@code Address.add} after {@code getInt()} adds, in each of the two readers. */
    private static List<String> stepsPastCount(ClassHolder gc) {
        List<String> steps = new ArrayList<>();
        for (String name : new String[] {"markFromStaticFields", "updatePointersFromStaticRoots"}) {
            Program program = gc.getMethod(new MethodDescriptor(name, ValueType.VOID)).getProgram();
            Map<Variable, String> values = new HashMap<>();
            boolean countRead = false;
            String step = null;
            for (int b = 0; b < program.basicBlockCount() && step == null; b++) {
                for (Instruction instruction : program.basicBlockAt(b)) {
                    if (instruction instanceof IntegerConstantInstruction constant) {
                        values.put(constant.getReceiver(), String.valueOf(constant.getConstant()));
                    } else if (instruction instanceof InvokeInstruction invoke) {
                        String method = invoke.getMethod().getName();
                        if (method.equals("sizeOf") && invoke.getReceiver() != null) {
                            values.put(invoke.getReceiver(), "Address.sizeOf()");
                        } else if (method.equals("getInt")) {
                            countRead = true;
                        } else if (countRead && method.equals("add")) {
                            step = values.get(invoke.getArguments().get(0));
                            break;
                        }
                    }
                }
            }
            if (!steps.contains(step)) {
                steps.add(step);
            }
        }
        return steps;
    }
}
