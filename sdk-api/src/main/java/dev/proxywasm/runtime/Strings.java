package dev.proxywasm.runtime;

/** A {@code String} and its chars without copying them, where the WebAssembly build can. */
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

    /**
     * The chars of {@code s}, for a caller that only reads them and keeps no reference. On the JVM a
     * copy, as {@code toCharArray}; the WebAssembly build returns the string's own array (TeaVM's
     * {@code String.characters}), which saves a copy of every log line and header the plugin passes
     * to the host.
     */
    public static char[] chars(String s) {
        return s.toCharArray();
    }
}
