package dev.proxywasm.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * A WebAssembly function type, written as the validator and the docs print it:
 * {@code (i32,i64)->i32}, {@code ()->()}.
 */
public record Signature(List<ValueType> params, List<ValueType> results) {
    /** A wasm value type the ABI uses. */
    public enum ValueType {
        I32, I64;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Signature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** Parses {@code (i32,i64)->i32}. */
    public static Signature parse(String text) {
        int arrow = text.indexOf(")->");
        if (!text.startsWith("(") || arrow < 0) {
            throw new IllegalArgumentException("not a signature: " + text);
        }
        return new Signature(types(text.substring(1, arrow)), types(stripParens(text.substring(arrow + 3))));
    }

    /**
     * The signature a WebAssembly compiler gives a static Java method: {@code int} is i32,
     * {@code long} i64, {@code void} no result.
     *
     * @throws IllegalArgumentException for any other type, which the ABI never uses
     */
    public static Signature of(java.lang.reflect.Method method) {
        List<ValueType> params = new ArrayList<>();
        for (Class<?> type : method.getParameterTypes()) {
            params.add(valueType(type, method));
        }
        List<ValueType> results = method.getReturnType() == void.class ? List.of()
                : List.of(valueType(method.getReturnType(), method));
        return new Signature(params, results);
    }

    private static ValueType valueType(Class<?> type, java.lang.reflect.Method method) {
        if (type == int.class) {
            return ValueType.I32;
        }
        if (type == long.class) {
            return ValueType.I64;
        }
        throw new IllegalArgumentException(method.getName() + " uses " + type + ", which is neither i32 nor i64");
    }

    private static String stripParens(String s) {
        return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1) : s;
    }

    private static List<ValueType> types(String list) {
        List<ValueType> types = new ArrayList<>();
        if (!list.isEmpty()) {
            for (String t : list.split(",")) {
                types.add(ValueType.valueOf(t.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return types;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) {
            s.append(i == 0 ? "" : ",").append(params.get(i));
        }
        s.append(")->");
        if (results.isEmpty()) {
            s.append("()");
        } else {
            s.append(results.get(0));
        }
        return s.toString();
    }
}
