package dev.proxywasm.teavm.memory;

import org.teavm.interop.Address;

/**
 * One block move of chars between arrays, for TeaVM's own string code after the Maven plugin's
 * rewrites: {@code System.arraycopy} there is four calls deep (the checks again, the array classes,
 * the element size) before its one {@code memory.copy}, and a plugin's log line makes dozens of such
 * copies. Callers have checked both ranges, as {@code String.getChars} and the string builder do
 * before they copy. Overlapping ranges are moved as {@code arraycopy} moves them.
 */
public final class CharCopy {
    /** Above this many bytes, or within one array (the ranges may overlap), {@code memory.copy} moves them. */
    static final int STORES_UP_TO = 64;

    private CharCopy() {}

    public static void copy(char[] src, int srcPos, char[] dst, int dstPos, int length) {
        Address from = Address.ofData(src).add(srcPos * 2);
        Address to = Address.ofData(dst).add(dstPos * 2);
        int bytes = length * 2;
        if (bytes > STORES_UP_TO || src == dst) {
            Address.moveMemoryBlock(from, to, bytes);
            return;
        }
        int i = 0;
        for (; i + 8 <= bytes; i += 8) {
            to.add(i).putLong(from.add(i).getLong());
        }
        for (; i < bytes; i += 2) {
            to.add(i).putChar(from.add(i).getChar());
        }
    }
}
