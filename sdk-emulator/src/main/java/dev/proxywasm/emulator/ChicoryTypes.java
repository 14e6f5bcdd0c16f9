package dev.proxywasm.emulator;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.proxywasm.abi.Signature;
import java.util.List;

/** The Chicory function type of a signature in the ABI table. */
final class ChicoryTypes {
    private ChicoryTypes() {}

    static FunctionType of(Signature signature) {
        return FunctionType.of(types(signature.params()), types(signature.results()));
    }

    private static List<ValType> types(List<Signature.ValueType> types) {
        return types.stream().map(t -> t == Signature.ValueType.I64 ? ValType.I64 : ValType.I32).toList();
    }
}
