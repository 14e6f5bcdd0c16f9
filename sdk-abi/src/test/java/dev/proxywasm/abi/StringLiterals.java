package dev.proxywasm.abi;

import java.util.ArrayList;
import java.util.List;

/** The string literals of a Java source, with their lines; comments and char literals are skipped. */
final class StringLiterals {
    private StringLiterals() {}

    /** A literal's content as written (escapes kept) and the line it starts on. */
    record Literal(int line, String text) {}

    static List<Literal> of(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? source.length() : i;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                literals.add(new Literal(line, source.substring(i + 3, end)));
                line += count(source, i, end);
                i = Math.min(source.length(), end + 3);
            } else if (c == '"' || c == '\'') {
                int end = closing(source, i);
                if (c == '"') {
                    literals.add(new Literal(line, source.substring(i + 1, end)));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** The index of the quote that closes the literal opened at {@code start}. */
    private static int closing(String source, int start) {
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
