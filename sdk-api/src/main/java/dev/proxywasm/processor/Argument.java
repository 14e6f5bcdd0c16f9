package dev.proxywasm.processor;

/** A value the glue can pass to a handler, chosen by the parameter's type. */
enum Argument {
    HEADERS(Callback.API + ".Headers", "Headers"),
    BODY(Callback.API + ".Body", "Body"),
    STREAM(Callback.API + ".HttpStream", "HttpStream"),
    CONNECTION(Callback.API + ".Connection", "Connection"),
    PEER(Callback.API + ".Peer", "Peer"),
    QUEUE(Callback.API + ".SharedQueue", "SharedQueue"),
    FOREIGN_FUNCTION(Callback.API + ".ForeignFunction.Id", "ForeignFunction.Id"),
    FOREIGN_ARGUMENTS("byte[]", "byte[]"),
    PLUGIN_CONFIGURATION(Callback.API + ".Configuration", "Configuration"),
    /** A {@code @PluginConfiguration} record, parsed by the glue; matched by its annotation, not a name. */
    TYPED_CONFIGURATION("", "a @PluginConfiguration record"),
    VM_CONFIGURATION(Callback.API + ".Configuration", "Configuration"),
    COUNT("int", "int"),
    END_OF_STREAM("boolean", "boolean");

    final String typeName;
    private final String simpleName;

    Argument(String typeName, String simpleName) {
        this.typeName = typeName;
        this.simpleName = simpleName;
    }

    String display() {
        return simpleName;
    }
}
