package dev.proxywasm.validator;

/**
 * One import or export of a module, as the validator read it.
 *
 * @param module the import's module; null for an export
 * @param name the import's or export's name
 * @param type a function's signature, such as {@code (i32,i64)->i32}, or what else it is:
 *     {@code memory}, {@code table} or {@code global}
 */
public record Symbol(String module, String name, String type) {

    /** Whether it is a function; {@link #type} is then its signature. */
    public boolean isFunction() {
        return type.contains("->");
    }

    /** {@code env.proxy_log (i32,i32,i32)->i32} or {@code memory (memory)}: the line the build and the command print. */
    @Override
    public String toString() {
        return (module == null ? "" : module + ".") + name + " " + (isFunction() ? type : "(" + type + ")");
    }
}
