package dev.proxywasm.processor;

import dev.proxywasm.abi.GuestExport;
import java.util.EnumSet;
import java.util.Set;

/** The callbacks a plugin can handle: the annotation, the ABI export, and what a handler may take. */
enum Callback {
    VM_START("OnVmStart", GuestExport.PROXY_ON_VM_START, Scope.PLUGIN, Returns.START,
            EnumSet.of(Argument.VM_CONFIGURATION)),
    PLUGIN_START("OnPluginStart", GuestExport.PROXY_ON_CONFIGURE, Scope.PLUGIN, Returns.START,
            EnumSet.of(Argument.PLUGIN_CONFIGURATION, Argument.TYPED_CONFIGURATION)),
    PLUGIN_DONE("OnPluginShutdown", GuestExport.PROXY_ON_DONE, Scope.PLUGIN, Returns.START,
            EnumSet.noneOf(Argument.class)),
    TICK("OnTick", GuestExport.PROXY_ON_TICK, Scope.PLUGIN, Returns.NOTHING, EnumSet.noneOf(Argument.class)),
    QUEUE_READY("OnQueueReady", GuestExport.PROXY_ON_QUEUE_READY, Scope.PLUGIN, Returns.NOTHING,
            EnumSet.of(Argument.QUEUE)),
    FOREIGN_FUNCTION("OnForeignFunction", GuestExport.PROXY_ON_FOREIGN_FUNCTION, Scope.PLUGIN, Returns.NOTHING,
            EnumSet.of(Argument.FOREIGN_FUNCTION, Argument.FOREIGN_ARGUMENTS)),
    NEW_CONNECTION("OnNewConnection", GuestExport.PROXY_ON_NEW_CONNECTION, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.CONNECTION)),
    DOWNSTREAM_DATA("OnDownstreamData", GuestExport.PROXY_ON_DOWNSTREAM_DATA, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.CONNECTION, Argument.COUNT, Argument.END_OF_STREAM)),
    UPSTREAM_DATA("OnUpstreamData", GuestExport.PROXY_ON_UPSTREAM_DATA, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.CONNECTION, Argument.COUNT, Argument.END_OF_STREAM)),
    DOWNSTREAM_CLOSE("OnDownstreamConnectionClose", GuestExport.PROXY_ON_DOWNSTREAM_CONNECTION_CLOSE, Scope.STREAM,
            Returns.NOTHING, EnumSet.of(Argument.CONNECTION, Argument.PEER)),
    UPSTREAM_CLOSE("OnUpstreamConnectionClose", GuestExport.PROXY_ON_UPSTREAM_CONNECTION_CLOSE, Scope.STREAM,
            Returns.NOTHING, EnumSet.of(Argument.CONNECTION, Argument.PEER)),
    REQUEST_HEADERS("OnRequestHeaders", GuestExport.PROXY_ON_REQUEST_HEADERS, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    REQUEST_BODY("OnRequestBody", GuestExport.PROXY_ON_REQUEST_BODY, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    REQUEST_TRAILERS("OnRequestTrailers", GuestExport.PROXY_ON_REQUEST_TRAILERS, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT)),
    RESPONSE_HEADERS("OnResponseHeaders", GuestExport.PROXY_ON_RESPONSE_HEADERS, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    RESPONSE_BODY("OnResponseBody", GuestExport.PROXY_ON_RESPONSE_BODY, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.STREAM, Argument.COUNT, Argument.END_OF_STREAM)),
    RESPONSE_TRAILERS("OnResponseTrailers", GuestExport.PROXY_ON_RESPONSE_TRAILERS, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.HEADERS, Argument.STREAM, Argument.COUNT)),
    STREAM_DONE("OnStreamDone", GuestExport.PROXY_ON_LOG, Scope.STREAM, Returns.NOTHING, EnumSet.of(Argument.STREAM)),
    /** Generated into the request body export, and the trailers (and headers) exports beside it. */
    WHOLE_REQUEST_BODY("OnWholeRequestBody", GuestExport.PROXY_ON_REQUEST_BODY, Scope.STREAM, Returns.ACTION,
            EnumSet.of(Argument.BODY, Argument.STREAM, Argument.COUNT)),
    /** Generated into the response body export, and the trailers (and headers) exports beside it. */
    WHOLE_RESPONSE_BODY("OnWholeResponseBody", GuestExport.PROXY_ON_RESPONSE_BODY, Scope.STREAM, Returns.ACTION,
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
    final GuestExport export;
    final Scope scope;
    final Returns returns;
    final Set<Argument> arguments;

    Callback(String simpleName, GuestExport export, Scope scope, Returns returns, Set<Argument> arguments) {
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
