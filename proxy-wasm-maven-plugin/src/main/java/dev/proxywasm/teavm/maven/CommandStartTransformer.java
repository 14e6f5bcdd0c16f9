package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.exit;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.Program;

/**
 * Empties TeaVM's command-line start ({@code WasmSupport.runWithArgs} and {@code runWithoutArgs}, the
 * bodies of the {@code start} and {@code _start} exports). No proxy-wasm host may run them (the build
 * removes both exports), yet their code stays in the module: reading WASI's arguments decodes them
 * with the charset classes, which bring float parsing, buffers and the fiber that runs {@code main}
 * (about 29 KB of every module). Without the exports nothing can reach the empty bodies.
 */
public final class CommandStartTransformer implements ClassHolderTransformer {
    static final String WASM_SUPPORT = "org.teavm.backend.wasm.runtime.WasmSupport";

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals(WASM_SUPPORT)) {
            return;
        }
        int emptied = 0;
        for (MethodHolder method : cls.getMethods()) {
            if (method.getName().equals("runWithArgs") || method.getName().equals("runWithoutArgs")) {
                method.setProgram(emptyProgram(method.parameterCount()));
                emptied++;
            }
        }
        if (emptied != 2) {
            throw new IllegalStateException("TeaVM's WasmSupport has no runWithArgs and runWithoutArgs: this SDK"
                    + " expects TeaVM 0.13.1");
        }
    }

    private static Program emptyProgram(int parameters) {
        Program program = new Program();
        for (int i = 0; i <= parameters; i++) {
            program.createVariable(); // "this" (present in static methods too), then each parameter
        }
        BasicBlock block = program.createBasicBlock();
        block.add(exit(null));
        return program;
    }
}
