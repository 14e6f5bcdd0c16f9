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
        headers.add("x-wide", WIDE);
        headers.set("x-é-key", "é");
        headers.add("x-long", "😀".repeat(1500));
        headers.add("x-wide-back", String.valueOf(headers.get("x-wide")));
        headers.add("x-long-length", Integer.toString(String.valueOf(headers.get("x-long")).length()));
        headers.add("x-key-found", Boolean.toString(headers.contains("x-é-key")));
        headers.remove("x-é-key");
    }
}
