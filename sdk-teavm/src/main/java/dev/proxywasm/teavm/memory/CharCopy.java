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
    private CharCopy() {}

    public static void copy(char[] src, int srcPos, char[] dst, int dstPos, int length) {
        Address.moveMemoryBlock(Address.ofData(src).add(srcPos * 2), Address.ofData(dst).add(dstPos * 2), length * 2);
    }
}
