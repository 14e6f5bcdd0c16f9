package dev.proxywasm.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of an ABI function, named as in the proxy-wasm spec, with its role in the
 * exchange of data through linear memory.
 */
public record Parameter(String name, Role role) {
    /** What the parameter carries. */
    public enum Role {
        /** A plain value: an id, an enum code, a count, a flag. */
        VALUE,
        /** The guest address of bytes the guest passes in; the next parameter is their size. */
        IN_POINTER,
        /** The size of the bytes at the preceding {@link #IN_POINTER}. */
        IN_SIZE,
        /** Where the host writes the address of bytes it allocated in the guest (from the guest's allocator). */
        OUT_POINTER,
        /** Where the host writes the size of the bytes at the preceding {@link #OUT_POINTER}. */
        OUT_SIZE,
        /** Where the host writes a scalar result (a token, an id, a level, a time). */
        OUT_VALUE
    }

    /**
     * The roles follow from the spec's names: {@code x_ptr} then {@code x_size} is data passed in,
     * {@code x_ptr_ptr} then {@code x_size_ptr} data handed back, any other {@code _ptr} a scalar
     * handed back. There must be one name per parameter of {@code signature}.
     */
    static List<Parameter> of(String abiName, Signature signature, String... names) {
        if (names.length != signature.params().size()) {
            throw new IllegalStateException(abiName + ": parameter names do not match the signature");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            String next = i + 1 < names.length ? names[i + 1] : "";
            Role role;
            if (name.endsWith("_ptr_ptr")) {
                role = Role.OUT_POINTER;
            } else if (name.endsWith("_size_ptr") && i > 0 && names[i - 1].endsWith("_ptr_ptr")) {
                role = Role.OUT_SIZE;
            } else if (name.endsWith("_ptr") && next.equals(name.substring(0, name.length() - 4) + "_size")) {
                role = Role.IN_POINTER;
            } else if (name.endsWith("_size") && i > 0 && names[i - 1].equals(name.substring(0, name.length() - 5) + "_ptr")) {
                role = Role.IN_SIZE;
            } else if (name.endsWith("_ptr")) {
                role = Role.OUT_VALUE;
            } else {
                role = Role.VALUE;
            }
            parameters.add(new Parameter(name, role));
        }
        return List.copyOf(parameters);
    }
}
