package dev.proxywasm.samples.customerrors;

/**
 * ASCII case folding for schemes, hosts and media types, which are ASCII on the wire. Locale-aware
 * {@code toLowerCase} would pull the Unicode case tables into the module.
 */
final class Ascii {
    private Ascii() {}

    static String lowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
