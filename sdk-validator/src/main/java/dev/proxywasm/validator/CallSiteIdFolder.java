package dev.proxywasm.validator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a function's call-site id once, on entry, in each function TeaVM compiled without a
 * {@code catch}, instead of before every call.
 *
 * <p>TeaVM 0.13.1 writes, before each call that may throw, the call site's id into slot 0 of the
 * function's shadow-stack frame ({@code local.get F; i32.const ID; i32.store}), and after the call
 * checks the slot still holds it ({@code local.get F; i32.load; i32.const ID; i32.sub; br_if}). A
 * throw walks the frames: it looks up each frame's call site for a handler, and marks a frame
 * without one so that its check fails and the function returns at once. In a function with no
 * handler every call site has the same empty handler list, so any one of its ids serves all of
 * them: the mark (the id plus one) still differs from it, and nothing else writes the slot. For the
 * same reason the smallest such id serves every such function: one byte of LEB128 when it is below
 * 64, and when it is 0 each check shrinks to testing the slot for non-zero. Together 6 to 9 % of a
 * module, and a store per call.
 *
 * <p>A function is left as it is unless everything it does with slot 0 is in those two shapes, so
 * one that reads the slot to dispatch to a handler keeps its ids. An opcode the reader does not know
 * leaves the whole module as it is.
 */
public final class CallSiteIdFolder {
    private static final int SHORT_ID = 64;

    private CallSiteIdFolder() {}

    public static byte[] apply(byte[] wasm) {
        WasmSections.requireModule(wasm);
        int[] section = WasmSections.bounds(wasm, FunctionBody.CODE);
        if (section == null) {
            return wasm;
        }
        List<byte[]> code = new ArrayList<>();
        try {
            List<Body> decoded = new ArrayList<>();
            for (int[] body : FunctionBody.bounds(wasm, section[0])) {
                decoded.add(new Body(wasm, body[0], body[1]));
            }
            int allocator = frameAllocator(decoded);
            if (allocator < 0) {
                return wasm;
            }
            List<Fold> folds = new ArrayList<>();
            int smallest = Integer.MAX_VALUE;
            for (Body body : decoded) {
                Fold fold = body.fold(allocator);
                folds.add(fold);
                if (fold != null) {
                    smallest = Math.min(smallest, fold.smallestId());
                }
            }
            // An id below 64 is one byte of LEB128 instead of two: shared by every folded function.
            int shared = smallest < SHORT_ID ? smallest : -1;
            for (int i = 0; i < decoded.size(); i++) {
                Fold fold = folds.get(i);
                // One store is already one store: without a shared id there is nothing to fold.
                boolean worth = fold != null && (shared >= 0 || fold.stores().size() > 1);
                code.add(worth ? decoded.get(i).folded(fold, shared) : decoded.get(i).original());
            }
        } catch (Instructions.UnknownOpcode e) {
            return wasm;
        }
        return FunctionBody.withBodies(wasm, code);
    }

    /** The function nearly every frame-owning function calls first: TeaVM's {@code allocStack}. */
    private static int frameAllocator(List<Body> bodies) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Body body : bodies) {
            int prologue = body.prologue(-1);
            if (prologue >= 0) {
                counts.merge(body.u32(prologue - 1), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 8)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
    }

    /**
     * A foldable body's frame local, its id stores, the {@code i32.const} of each check, and the
     * smallest id among them.
     */
    private record Fold(int prologue, int frame, List<Integer> stores, List<Integer> checks, int smallestId) {}

    /** A function body, with what the folder looks for in it. */
    private static final class Body extends FunctionBody {
        Body(byte[] wasm, int start, int end) {
            super(wasm, start, end);
        }

        /**
         * The index of {@code local.set F} in an opening {@code i32.const; call allocator; local.set F}
         * (any allocator when {@code allocator} is -1), or -1.
         */
        int prologue(int allocator) {
            for (int k = 0; k + 2 < at.length && k < 4; k++) {
                if (op(k) == Instructions.I32_CONST && op(k + 1) == Instructions.CALL
                        && (allocator < 0 || u32(k + 1) == allocator) && op(k + 2) == Instructions.LOCAL_SET) {
                    return k + 2;
                }
            }
            return -1;
        }

        /** Where this body stores and checks its call-site ids, or null if it is not of the foldable shape. */
        Fold fold(int allocator) {
            int prologue = prologue(allocator);
            if (prologue < 0) {
                return null;
            }
            int frame = u32(prologue);
            List<Integer> stores = new ArrayList<>();
            List<Integer> checks = new ArrayList<>();
            int smallestId = Integer.MAX_VALUE;
            for (int i = prologue + 1; i < at.length; i++) {
                int op = op(i);
                if ((op == Instructions.LOCAL_SET || op == Instructions.LOCAL_TEE) && u32(i) == frame) {
                    return null; // the frame local is reassigned
                }
                if (op != Instructions.LOCAL_GET || u32(i) != frame) {
                    continue;
                }
                if (op(i + 1) == Instructions.I32_CONST && op(i + 2) == Instructions.I32_STORE && offset(i + 2) == 0) {
                    stores.add(i);
                    smallestId = Math.min(smallestId, s32(i + 1));
                } else if (op(i + 1) == Instructions.I32_LOAD && offset(i + 1) == 0) {
                    if (op(i + 2) != Instructions.I32_CONST || op(i + 3) != Instructions.I32_SUB
                            || op(i + 4) != Instructions.BR_IF) {
                        return null; // the slot is read to dispatch to a handler
                    }
                    checks.add(i + 2);
                    smallestId = Math.min(smallestId, s32(i + 2));
                }
            }
            return stores.isEmpty() ? null : new Fold(prologue, frame, stores, checks, smallestId);
        }

        /**
         * The body with one id store on entry: {@code shared} if it is not -1 (an id of a function
         * without handlers serves every such function), else its own first id. With id 0 a check is
         * just the slot being non-zero: a throw's mark adds 1 to it.
         */
        byte[] folded(Fold fold, int shared) {
            int id = shared >= 0 ? shared : s32(fold.stores().get(0) + 1);
            boolean zero = id == 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
            out.write(wasm, start, at[fold.prologue() + 1] - start);
            out.write(Instructions.LOCAL_GET);
            WasmSections.writeU32(out, fold.frame());
            out.write(Instructions.I32_CONST);
            WasmSections.writeS32(out, id);
            int store = at[fold.stores().get(0) + 2];
            out.write(wasm, store, at[fold.stores().get(0) + 3] - store);
            int storeIndex = 0;
            int checkIndex = 0;
            for (int i = fold.prologue() + 1; i < at.length; i++) {
                if (storeIndex < fold.stores().size() && fold.stores().get(storeIndex) == i) {
                    storeIndex++;
                    i += 2;
                    continue;
                }
                int next = next(i);
                if (checkIndex < fold.checks().size() && fold.checks().get(checkIndex) == i) {
                    checkIndex++;
                    if (zero) {
                        i++; // and the i32.sub: br_if takes the slot itself
                    } else {
                        out.write(Instructions.I32_CONST);
                        WasmSections.writeS32(out, id);
                    }
                } else {
                    out.write(wasm, at[i], next - at[i]);
                }
            }
            return out.toByteArray();
        }
    }
}
