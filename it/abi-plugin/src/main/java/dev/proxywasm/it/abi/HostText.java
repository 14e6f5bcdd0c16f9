package dev.proxywasm.it.abi;

import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Log;

/**
 * Passes text to the host through every call that takes it as text (a log line, a header's name
 * and value), in the shapes the module's reused text buffer tells apart: characters of one to four
 * UTF-8 bytes and a lone surrogate, a line longer than the buffer keeps, then a short one, and a
 * value that grows the buffer while it holds the name. The tests hold the module to the JVM.
 */
final class HostText {
    static final String WIDE = "aé€😀\uD800z";

    private HostText() {}

    static void exercise(Headers headers) {
        String longLine = "€".repeat(2000) + "|end";
        Log.info(longLine);
        Log.info("short " + WIDE);
        concatenatedLines(String.valueOf(headers.get(":path")).length());
        Log.warn("absent=" + headers.get("x-absent") + " path=" + headers.get(":path"));
        headers.add("x-wide", WIDE);
        headers.set("x-é-key", "é");
        headers.add("x-long", "😀".repeat(1500));
        headers.add("x-wide-back", String.valueOf(headers.get("x-wide")));
        headers.add("x-long-length", Integer.toString(String.valueOf(headers.get("x-long")).length()));
        headers.add("x-key-found", Boolean.toString(headers.contains("x-é-key")));
        headers.remove("x-é-key");
    }

    /**
     * A log line concatenated from every kind of value (the build passes it to the host as its
     * parts), and one with a {@code double} (left to TeaVM's {@code StringBuilder}).
     */
    private static void concatenatedLines(int one) {
        int n = -21 * one;
        long big = Long.MIN_VALUE + one - 1;
        char c = (char) ('\u00e9' + one - 1);
        boolean yes = one == 1;
        Object none = one == 1 ? null : "x";
        String nothing = one == 1 ? null : "y";
        Object list = java.util.List.of(one, 2);
        Log.warn("n=" + n + " big=" + big + " c=" + c + " yes=" + yes + " none=" + none + " nothing=" + nothing
                + " list=" + list + " wide=" + WIDE + " " + one);
        Log.warn("ratio " + n / 4.0);
    }
}
