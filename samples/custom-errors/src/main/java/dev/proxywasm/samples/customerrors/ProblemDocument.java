package dev.proxywasm.samples.customerrors;

import dev.proxywasm.api.Utf8;
import dev.proxywasm.api.json.JsonWriter;

/** The RFC 9457 document that replaces an error response. */
final class ProblemDocument {
    static final String MEDIA_TYPE = "application/problem+json";
    static final String DEFAULT_TRACE_ID = "00-0aa0000000aa00aa0000aa000a00000a-a0aa0a0000000000-00";

    private ProblemDocument() {}

    /** {@code {"type", "title", "status", "instance", "trace_id", "detail"}}, in that order. */
    static String render(Settings settings, int status, String path, String traceId, byte[] originalBody) {
        return new JsonWriter()
                .add("type", settings.typeUri(status))
                .add("title", settings.title())
                .add("status", status)
                .add("instance", withoutQuery(path))
                .add("trace_id", traceId)
                .add("detail", detail(originalBody, settings.maxDetailBytes()))
                .text();
    }

    static String withoutQuery(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '?' || path.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    /**
     * The body as text, at most {@code maxBytes} bytes of UTF-8, cut on a character boundary;
     * invalid UTF-8 becomes U+FFFD.
     */
    static String detail(byte[] body, int maxBytes) {
        int cut = Math.min(body.length, maxBytes);
        if (cut < body.length) {
            // Do not split a character: back off to the lead byte of a sequence the cut would break.
            int lead = cut;
            while (lead > 0 && cut - lead < 3 && (body[lead] & 0xC0) == 0x80) {
                lead--;
            }
            if ((body[lead] & 0xC0) != 0x80) {
                cut = lead;
            }
        }
        String text = Utf8.decode(body, 0, cut);
        // Replacement characters take 3 bytes where the invalid input took 1: trim to the limit again.
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int width = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
            if (bytes + width > maxBytes) {
                return text.substring(0, i);
            }
            bytes += width;
            if (width == 4) {
                i++;
            }
        }
        return text;
    }
}
