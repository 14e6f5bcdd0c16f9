package dev.proxywasm.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated plugin, everything the writer needs: the plugin class, its stream class (or null),
 * how a stream object is made, whether it fails open, the handlers in {@link Callback} order, and
 * the configuration record {@code @OnPluginStart} takes (or null).
 */
record PluginModel(TypeElement plugin, TypeElement stream, StreamCreation creation, boolean failOpen,
        List<Handler> handlers, ConfigModel configuration) {

    /** How the glue creates a stream's state. */
    enum StreamCreation {
        /** No stream class: streams share the plugin instance. */
        SHARED_PLUGIN,
        /** {@code plugin.new Stream()}. */
        INNER,
        /** {@code new Stream(plugin)}. */
        WITH_PLUGIN,
        /** {@code new Stream()}. */
        NO_ARGUMENTS
    }

    /**
     * One handler method and the arguments to pass, in parameter order; {@code displayName} names it
     * in failure logs ({@code Plugin.Exchange.onRequest}).
     */
    record Handler(Callback callback, String method, String displayName, List<Argument> arguments,
            boolean returnsValue, WholeBody wholeBody) {}

    /** The options of a whole-body handler: the body limit, and whether it leaves the length alone. */
    record WholeBody(int maxBytes, boolean readOnly) {}

    Handler handler(Callback callback) {
        for (Handler handler : handlers) {
            if (handler.callback() == callback) {
                return handler;
            }
        }
        return null;
    }
}
