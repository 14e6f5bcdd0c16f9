package dev.proxywasm.runtime;

import dev.proxywasm.abi.AbiCodes;

/** The arguments of the host's call into the plugin ({@code proxy_on_foreign_function}), as bytes. */
public final class ForeignFunctionArguments {
    private static final byte[] EMPTY = new byte[0];

    private ForeignFunctionArguments() {}

    /** The {@code size} bytes of the foreign-function arguments buffer; empty if there are none. */
    public static byte[] read(int size) {
        if (size <= 0) {
            return EMPTY;
        }
        byte[] bytes = HostBinding.host().getBufferBytes(AbiCodes.BUFFER_FOREIGN_FUNCTION_ARGUMENTS, 0, size);
        return bytes == null ? EMPTY : bytes;
    }
}
