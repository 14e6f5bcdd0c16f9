package dev.proxywasm.runtime;

/** Making a {@code String} of chars nobody else holds. */
public final class Strings {
    private Strings() {}

    /**
     * A string of all of {@code chars}, which the caller gives up. On the JVM it is copied, as any
     * {@code new String(char[])}; the WebAssembly build makes the string keep the array itself
     * (TeaVM's {@code String.fromArray}), which saves a second array and a copy for every header
     * name and value a plugin reads.
     */
    public static String adopt(char[] chars) {
        return new String(chars);
    }
}
