package dev.proxywasm.processor;

import java.util.EnumSet;
import java.util.Set;

/** The callbacks a plugin can handle: the annotation, the ABI export, and what a handler may take. */
enum Callback {
    VM_START("OnVmStart", "proxy_on_vm_start", Scope.PLUGIN, Returns.START,
            EnumSet.of(Argument.VM_CONFIGURATION)),
    PLUGIN_START("OnPluginStart", "proxy_on_configure", Scope.PLUGIN, Returns.START,
            EnumSet.of(Argument.PLUGIN_CONFIGURATION)),
    PLUGIN_DONE("OnPluginShutdown", "proxy_on_done", Scope.PLUGIN, Returns.START, EnumSet.noneOf(Argument.class)),
    TICK("OnTick", "proxy_on_tick", Scope.PLUGIN, Returns.NOTHING, EnumSet.noneOf(Argument.class)),
    QUEUE_READY("OnQueueReady", "proxy_on_queue_ready", Scope.PLUGIN, Returns.NOTHING, EnumSet.of(Argument.QUEUE)),
    FOREIGN_FUNCTION("OnForeignFunction", "proxy_on_foreign_function", Scope.PLUGIN, Returns.NOTHING,
            EnumSet.of(Argument.FOREIGN_FUNCTION, Argument.FOREIGN_ARGUMENTS)),
    NEW_CONNECTION("OnNewConnection", "proxy_on_new_connection", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.CONNECTION)),
    DOWNSTREAM_DATA("OnDownstreamData", "proxy_on_downstream_data", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.CONNECTION, Argument.COUNT, Argument.END_OF_STREAM)),
    UPSTREAM_DATA("OnUpstreamData", "proxy_on_upstream_data", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.CONNECTION, Argument.COUNT, Argument.END_OF_STREAM)),
    DOWNSTREAM_CLOSE("OnDownstreamConnectionClose", "proxy_on_downstream_connection_close", Scope.STREAM,
            Returns.NOTHING, EnumSet.of(Argument.CONNECTION, Argument.PEER)),
    UPSTREAM_CLOSE("OnUpstreamConnectionClose", "proxy_on_upstream_connection_close", Scope.STREAM,
            Returns.NOTHING, EnumSet.of(Argument.CONNECTION, Argument.PEER)),
    REQUEST_HEADERS("OnRequestHeaders", "proxy_on_request_headers", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    REQUEST_BODY("OnRequestBody", "proxy_on_request_body", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    REQUEST_TRAILERS("OnRequestTrailers", "proxy_on_request_trailers", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT)),
    RESPONSE_HEADERS("OnResponseHeaders", "proxy_on_response_headers", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    RESPONSE_BODY("OnResponseBody", "proxy_on_response_body", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    RESPONSE_TRAILERS("OnResponseTrailers", "proxy_on_response_trailers", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT)),
    STREAM_DONE("OnStreamDone", "proxy_on_log", Scope.STREAM, Returns.NOTHING, EnumSet.of(Argument.STREAM)),
    /** Generated into the request body export, and the trailers (and headers) exports beside it. */
    WHOLE_REQUEST_BODY("OnWholeRequestBody", "proxy_on_request_body", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.STREAM, Argument.COUNT)),
    /** Generated into the response body export, and the trailers (and headers) exports beside it. */
    WHOLE_RESPONSE_BODY("OnWholeResponseBody", "proxy_on_response_body", Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.STREAM, Argument.COUNT));

    /** Where a handler lives: the plugin class, or the per-stream class. */
    enum Scope { PLUGIN, STREAM }

    /** What a handler may return. */
    enum Returns {
        /** {@code boolean} (false = failure) or {@code void}. */
        START("boolean or void"),
        /** {@code Action} or {@code void}. */
        ACTION("Action or void"),
        /** {@code void}. */
        NOTHING("void");

        final String description;

        Returns(String description) {
            this.description = description;
        }
    }

    static final String API = "dev.proxywasm.api";

    final String annotation;
    final String export;
    final Scope scope;
    final Returns returns;
    final Set<Argument> arguments;

    Callback(String simpleName, String export, Scope scope, Returns returns, Set<Argument> arguments) {
        this.annotation = API + "." + simpleName;
        this.export = export;
        this.scope = scope;
        this.returns = returns;
        this.arguments = arguments;
    }

    /** {@code @OnRequestHeaders}, for messages. */
    String display() {
        return "@" + annotation.substring(API.length() + 1);
    }

    /** The injectable argument of this callback for a parameter type, or null. */
    Argument argumentFor(String typeName) {
        for (Argument argument : arguments) {
            if (argument.typeName.equals(typeName)) {
                return argument;
            }
        }
        return null;
    }

    /** "Headers (the request headers), HttpStream, int, boolean", for messages. */
    String allowedArguments() {
        if (arguments.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Argument argument : arguments) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(argument.display());
        }
        return sb.toString();
    }
}
