package dev.proxywasm.it.abi;

/**
 * Builds a string with every case the string builder's {@code insert(int, String)} tells apart, the
 * method every concatenation ends in and the one the Maven plugin rewrites to copy in blocks: at the
 * end, at the start and in the middle (the tail shifts over itself), {@code null}, empty, past the
 * capacity, characters outside Latin-1, and an index out of range on either side. The tests hold the
 * compiled module's outcome to the JVM's.
 */
final class StringEdits {
    private StringEdits() {
    }

    /** The built text, then what each out-of-range insert did, then a concatenation, joined by '|'. */
    static String run(String text) {
        StringBuilder built = new StringBuilder(2);
        built.append(text);
        built.insert(0, "<");
        built.insert(3, "-mid-");
        built.insert(built.length(), ">");
        built.append((String) null);
        built.insert(1, (String) null);
        built.append("");
        built.insert(2, "");
        built.insert(4, text);
        built.append("é€😀");
        return built + "|" + outOfRange(built, built.length() + 1) + "|" + outOfRange(built, -1) + "|" + text + 1
                + 'c' + null + built.length();
    }

    private static String outOfRange(StringBuilder built, int index) {
        try {
            built.insert(index, "x");
            return "inserted";
        } catch (StringIndexOutOfBoundsException e) {
            return "refused";
        }
    }
}
