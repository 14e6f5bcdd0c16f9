package dev.proxywasm.it.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded mutations of valid route-guard configurations, the kinds of damage an operator or a
 * control plane can do: type swaps, huge and negative numbers, long strings, NUL, lone surrogates
 * (escaped and raw), invalid UTF-8, deep nesting, truncation, duplicate and unknown keys, byte
 * flips. About a quarter of the inputs are left intact, so acceptance is exercised too.
 */
final class MutatedConfigurations {
    private static final String[] VALID = {
        "{\"name\": \"edge\", \"port\": 9090, \"mode\": \"REPORT\", \"limit\": 5000000000, \"verbose\": true,"
                + " \"rules\": [{\"path\": \"/admin\", \"status\": 401, \"method\": \"GET\", \"tags\": [\"a\", \"b\"]},"
                + " {\"path\": \"/caf\\u00e9\"}], \"metric-labels\": {\"zone\": 3, \"tier\": -1}}",
        "{\"name\": \"g\"}",
        "{\"rules\": [{\"path\": \"/\"}], \"name\": \"\u00e9t\u00e9 \\ud83d\\ude00\", \"metric-labels\": {}}",
    };
    private static final String[] VALUES = {
        "null", "true", "0", "-1", "1.5", "1e400", "99999999999999999999999", "-9223372036854775809", "\"\"",
        "\"x\"", "[]", "{}", "[null]", "{\"a\": 1}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
    };

    private final SplittableRandom random;

    MutatedConfigurations(long seed) {
        random = new SplittableRandom(seed);
    }

    byte[] next() {
        String valid = VALID[random.nextInt(VALID.length)];
        if (random.nextInt(4) == 0) {
            return utf8(valid);
        }
        return switch (random.nextInt(10)) {
            case 0 -> utf8(swapValue(valid, VALUES[random.nextInt(VALUES.length)]));
            case 1 -> utf8(swapValue(valid, "\"" + "x".repeat(random.nextInt(20_000)) + "\""));
            case 2 -> utf8(swapValue(valid, "[".repeat(1 + random.nextInt(200)) + "]".repeat(random.nextInt(200))));
            case 3 -> truncate(utf8(valid));
            case 4 -> utf8(valid.replaceFirst("\\{", "{\"name\": \"dup\", "));
            case 5 -> utf8(valid.replaceFirst("\\{", "{\"" + word() + "\": " + VALUES[random.nextInt(VALUES.length)]
                    + ", "));
            case 6 -> utf8(swapValue(valid, "\"" + random.nextLong() + random.nextLong() + "\"").replace("\"", ""));
            case 7 -> insert(utf8(valid), new byte[] {(byte) 0xC0, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
                (byte) 0xF4, (byte) 0x90, (byte) 0xFF, 0}[random.nextInt(8)]);
            case 8 -> flip(utf8(valid));
            default -> utf8(swapValue(valid, Long.toString(random.nextLong())));
        };
    }

    /** Replaces one value (what follows a ':') with {@code value}. */
    private String swapValue(String json, String value) {
        int colons = 0;
        for (int i = 0; i < json.length(); i++) {
            colons += json.charAt(i) == ':' ? 1 : 0;
        }
        int target = random.nextInt(colons);
        int at = -1;
        for (int i = 0; i <= target; i++) {
            at = json.indexOf(':', at + 1);
        }
        int end = at + 1;
        int depth = 0;
        boolean inString = false;
        while (end < json.length()) {
            char c = json.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            end++;
        }
        return json.substring(0, at + 1) + " " + value + json.substring(end);
    }

    private byte[] truncate(byte[] bytes) {
        byte[] cut = new byte[random.nextInt(bytes.length)];
        System.arraycopy(bytes, 0, cut, 0, cut.length);
        return cut;
    }

    private byte[] insert(byte[] bytes, byte b) {
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(b);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private byte[] flip(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private String word() {
        return "k" + random.nextInt(1000);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
