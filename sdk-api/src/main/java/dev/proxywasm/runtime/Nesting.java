package dev.proxywasm.runtime;

/**
 * One object or array the configuration reader is inside: its segment of the JSON path, and the
 * keys an object has shown. The chain of them is the path ({@code $.rules[2].status}), with no
 * list of boxed segments and no type tests.
 */
final class Nesting {
    /** The object or array this one is in; null at the top. */
    final Nesting outer;
    /** The keys this object has shown so far; null for an array. */
    final KeySet keys;
    /** The member being read, in an object; null between members. */
    String key;
    /** The element being read, in an array; -1 between elements. */
    int index = -1;

    Nesting(Nesting outer, KeySet keys) {
        this.outer = outer;
        this.keys = keys;
    }
}
