package dev.proxywasm.validator;

/**
 * Where each WebAssembly instruction ends, for the rewriters that walk function bodies: the
 * opcodes of WebAssembly 1.0 with sign extension, saturating truncation, bulk memory and reference
 * types. An opcode outside them is reported, never guessed.
 */
final class Instructions {
    static final int LOCAL_GET = 0x20;
    static final int LOCAL_SET = 0x21;
    static final int LOCAL_TEE = 0x22;
    static final int CALL = 0x10;
    static final int BR_IF = 0x0D;
    static final int I32_LOAD = 0x28;
    static final int I32_STORE = 0x36;
    static final int I32_CONST = 0x41;
    static final int I32_SUB = 0x6B;

    private Instructions() {}

    /** Thrown for an opcode this reader does not know. */
    static final class UnknownOpcode extends RuntimeException {
        UnknownOpcode(int opcode, int at) {
            super(String.format("unknown opcode 0x%02x at %d", opcode, at));
        }
    }

    /** The position after the instruction that starts at {@code at}. */
    static int end(byte[] b, int at) {
        int opcode = b[at] & 0xff;
        int[] pos = {at + 1};
        switch (opcode) {
            case 0x02, 0x03, 0x04 -> blockType(b, pos);
            case 0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xD2 -> skipLeb(b, pos);
            case 0x0E -> {
                int targets = WasmSections.readU32(b, pos);
                for (int i = 0; i <= targets; i++) {
                    skipLeb(b, pos);
                }
            }
            case 0x11 -> {
                skipLeb(b, pos);
                skipLeb(b, pos);
            }
            case 0x1C -> {
                int types = WasmSections.readU32(b, pos);
                pos[0] += types;
            }
            case 0x3F, 0x40, 0xD0 -> pos[0]++;
            case 0x41, 0x42 -> skipLeb(b, pos);
            case 0x43 -> pos[0] += 4;
            case 0x44 -> pos[0] += 8;
            case 0xFC -> prefixed(b, pos, at);
            default -> {
                if (opcode >= 0x28 && opcode <= 0x3E) {
                    skipLeb(b, pos);
                    skipLeb(b, pos);
                } else if (!(opcode <= 0x01 || opcode == 0x05 || opcode == 0x0B || opcode == 0x0F || opcode == 0x1A
                        || opcode == 0x1B || (opcode >= 0x45 && opcode <= 0xC4) || opcode == 0xD1)) {
                    throw new UnknownOpcode(opcode, at);
                }
            }
        }
        return pos[0];
    }

    private static void prefixed(byte[] b, int[] pos, int at) {
        int sub = WasmSections.readU32(b, pos);
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> { }
            case 8 -> {
                skipLeb(b, pos);
                pos[0]++;
            }
            case 9, 13, 15, 16, 17 -> skipLeb(b, pos);
            case 10 -> pos[0] += 2;
            case 11 -> pos[0]++;
            case 12, 14 -> {
                skipLeb(b, pos);
                skipLeb(b, pos);
            }
            default -> throw new UnknownOpcode(0xFC00 | sub, at);
        }
    }

    private static void blockType(byte[] b, int[] pos) {
        int type = b[pos[0]] & 0xff;
        if (type == 0x40 || (type >= 0x6F && type <= 0x7F)) {
            pos[0]++;
        } else {
            skipLeb(b, pos);
        }
    }

    static void skipLeb(byte[] b, int[] pos) {
        while ((b[pos[0]++] & 0x80) != 0) {
            // continuation byte
        }
    }
}
