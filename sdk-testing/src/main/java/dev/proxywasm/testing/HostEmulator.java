package dev.proxywasm.testing;

import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.Peer;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.runtime.WireCodes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An in-memory proxy-wasm host with Envoy's semantics, driving one plugin either on the JVM or as
 * the compiled module ({@link Mode}). Verbs follow the Go SDK's {@code proxytest}: configure, then
 * {@link #startPlugin()}, then {@link #initializeHttpContext()} and {@code callOn…} per stream.
 *
 * <p>A trap in the compiled module fails the emulated VM as it fails Envoy's: every later callback
 * is skipped, and HTTP streams either pass untouched ({@link #withFailOpen fail-open}) or get a 503
 * local reply (fail-closed, the default). {@link #getTrap()} tells whether it happened.
 */
public final class HostEmulator implements AutoCloseable {
    private static final int ROOT_CONTEXT_ID = 1;

    private final Mode mode;
    private final EmulatedHost host = new EmulatedHost();
    private final Guest guest;
    private int nextContextId = ROOT_CONTEXT_ID + 1;
    private boolean failOpen;
    private WasmTrap trap;

    private HostEmulator(Mode mode, Function<EmulatedHost, Guest> guestFactory) {
        this.mode = mode;
        host.rootContextId = ROOT_CONTEXT_ID;
        this.guest = guestFactory.apply(host);
    }

    /**
     * Runs the plugin whose generated glue class ({@code <Plugin>_ProxyWasm}) is {@code glue}, on
     * the JVM; raw static {@code @Export} methods of {@code plugin} (may be null) are callbacks too.
     */
    public static HostEmulator onJvm(Class<?> glue, Class<?> plugin) {
        List<Class<?>> classes = new ArrayList<>(List.of(glue, dev.proxywasm.runtime.AsyncExports.class));
        if (plugin != null) {
            classes.add(plugin);
        }
        return new HostEmulator(Mode.JVM, h -> new JvmGuest(classes, h));
    }

    /**
     * The emulator for this module's plugin in {@code mode}, found as {@link ProxyWasmTest} finds
     * it: the processor's and the build's records on the classpath of {@code loader}.
     *
     * @throws IllegalStateException if the mode is WASM and the module was not built, or is older than
     *     the plugin's compiled classes
     */
    public static HostEmulator create(Mode mode, ClassLoader loader) {
        if (mode == Mode.JVM) {
            return onJvm(PluginUnderTest.glueClass(loader), PluginUnderTest.pluginClass(loader));
        }
        Path module = PluginUnderTest.modulePath(loader);
        if (module == null) {
            throw new IllegalStateException(PluginUnderTest.missingModuleMessage());
        }
        String stale = PluginUnderTest.staleness(module, loader);
        if (stale != null) {
            throw new IllegalStateException(stale);
        }
        return inWasm(module);
    }

    /** Runs the compiled module at {@code module} in Chicory. */
    public static HostEmulator inWasm(Path module) {
        return new HostEmulator(Mode.WASM, h -> new WasmGuest(module, h));
    }

    /** Which way the plugin runs. */
    public Mode mode() {
        return mode;
    }

    // ---- configuration -------------------------------------------------------------------

    /** The plugin configuration {@code @OnPluginStart} reads. */
    public HostEmulator withPluginConfiguration(String text) {
        return withPluginConfiguration(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The plugin configuration {@code @OnPluginStart} reads. */
    public HostEmulator withPluginConfiguration(byte[] bytes) {
        host.pluginConfiguration = bytes.clone();
        return this;
    }

    /** The VM configuration {@code @OnVmStart} reads. */
    public HostEmulator withVmConfiguration(String text) {
        host.vmConfiguration = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The VM id, which names the VM's shared queues ({@code plugin_vm_id}; empty by default). */
    public HostEmulator withVmId(String vmId) {
        host.vmId = vmId;
        return this;
    }

    /** The plugin's name in Envoy's configuration ({@code plugin_name}; empty by default, as when unnamed). */
    public HostEmulator withPluginName(String name) {
        host.pluginName = name;
        return this;
    }

    /** The plugin's root id in Envoy's configuration ({@code plugin_root_id}; empty by default). */
    public HostEmulator withRootId(String rootId) {
        host.rootId = rootId;
        return this;
    }

    /**
     * The client and listener addresses of the streams created from now on: Envoy's
     * {@code source.*} and {@code destination.*}, which a plugin may check (allow lists, logs).
     * Addresses other than the current ones are a new downstream connection, with the next
     * {@code connection.id}. By default 127.0.0.1:51000 talks to 127.0.0.1:10000 on connection 1;
     * the development proxy sets each request's real addresses.
     */
    public HostEmulator withConnection(InetSocketAddress source, InetSocketAddress destination) {
        host.downstream = host.downstream.connect(source, destination);
        return this;
    }

    /**
     * Whether the client of the streams created from now on presented a certificate
     * ({@code connection.mtls}; false by default).
     */
    public HostEmulator withMutualTls(boolean presented) {
        host.downstream = host.downstream.withMtls(presented);
        return this;
    }

    /**
     * The protocol of the streams created from now on as Envoy names it ({@code request.protocol}):
     * "HTTP/1.1" by default, "HTTP/1.0", "HTTP/2" or "HTTP/3".
     */
    public HostEmulator withProtocol(String protocol) {
        host.protocol = protocol;
        return this;
    }

    /**
     * A property, e.g. {@code withProperty("hello", "request", "path")}, for every context. It takes
     * precedence over the attribute the emulator derives from the exchange as Envoy does
     * ({@code request.path} from {@code :path}, {@code source.address} from {@link #withConnection},
     * ...) and over what the plugin stored with {@code proxy_set_property}.
     */
    public HostEmulator withProperty(String value, String... path) {
        host.properties.put(propertyKey(path), value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * The clusters the proxy knows, as Envoy's configuration would define them: an HTTP callout to
     * any other is refused with {@code BadArgument}, a gRPC call or stream with {@code ParseFailure}
     * (what Envoy answers), and {@link #getRefusedCalls()} lists it. By default every cluster is
     * known; {@code withClusters()} with no names knows none. May be called again at any time.
     */
    public HostEmulator withClusters(String... names) {
        host.clusters.only(List.of(names));
        return this;
    }

    /** What a trap does to later streams: pass them (true) or reply 503 (false, the default). */
    public HostEmulator withFailOpen(boolean open) {
        this.failOpen = open;
        return this;
    }

    /** Counts log lines without keeping them: for soak runs of millions of requests. */
    public HostEmulator withLogsDiscarded() {
        host.retainLogs = false;
        return this;
    }

    /** How many lines the plugin logged, kept or not. */
    public long getLogCount() {
        return host.logCount;
    }

    /** The level {@code proxy_get_log_level} reports. */
    public HostEmulator withLogLevel(LogLevel level) {
        host.logLevel = dev.proxywasm.abi.LogLevel.of(WireCodes.code(level));
        return this;
    }

    /** Freezes the clock at {@code nanos} since the epoch. */
    public HostEmulator withCurrentTimeNanos(long nanos) {
        host.currentTimeNanos = nanos;
        return this;
    }

    /** A foreign function the plugin can call with {@code proxy_call_foreign_function}. */
    public HostEmulator withForeignFunction(String name, UnaryOperator<byte[]> function) {
        host.foreignFunctions.put(name, function);
        return this;
    }

    /**
     * Makes a seeded fraction {@code rate} (0 to 1) of the plugin's host calls from now on return
     * one of {@code codes} instead of doing their work, in both modes: Envoy's unhappy paths (a
     * header map gone, a property that does not serialise, an upstream that cannot be reached). A
     * failed call changes nothing and writes no out-parameter. Eligible are the calls Envoy can fail
     * when they are well formed: every {@code env} function but {@link HostCallFailures#NEVER_FAILED}
     * ({@code proxy_log}, the clock, ...). The same seed fails the same calls on every run. Call it
     * after {@link #startPlugin()} unless plugin start should meet failures too.
     */
    public HostEmulator withHostCallFailures(double rate, long seed, WasmResult... codes) {
        return withHostCallFailures(rate, seed, HostCallFailures.ENVOY_FALLIBLE, codes);
    }

    /**
     * As {@link #withHostCallFailures(double, long, WasmResult...)}, for the ABI functions
     * {@code functions} accepts, e.g. {@code "proxy_get_buffer_bytes"::equals}; rate 1 fails every
     * such call.
     */
    public HostEmulator withHostCallFailures(double rate, long seed, Predicate<String> functions,
            WasmResult... codes) {
        host.failures = new HostCallFailures(rate, seed, functions, codes);
        return this;
    }

    /** Host calls do their work again. */
    public HostEmulator withoutHostCallFailures() {
        host.failures = null;
        return this;
    }

    /** How many host calls failed on purpose since {@link #withHostCallFailures}, by ABI function name. */
    public Map<String, Long> getInjectedFailures() {
        return host.failures == null ? Map.of() : host.failures.injected();
    }

    /** How many host calls were eligible to fail since {@link #withHostCallFailures}. */
    public long getFailureEligibleCalls() {
        return host.failures == null ? 0 : host.failures.eligibleCalls();
    }

    // ---- plugin lifecycle -----------------------------------------------------------------

    /** Creates the root context, starts the VM and configures the plugin; false if either fails. */
    public boolean startPlugin() {
        invoke(ROOT_CONTEXT_ID, "proxy_on_context_create", ROOT_CONTEXT_ID, 0);
        if (guest.exports("proxy_on_vm_start")
                && invoke(ROOT_CONTEXT_ID, "proxy_on_vm_start", ROOT_CONTEXT_ID, host.vmConfiguration.length) == 0) {
            return false;
        }
        return !guest.exports("proxy_on_configure")
                || invoke(ROOT_CONTEXT_ID, "proxy_on_configure", ROOT_CONTEXT_ID, host.pluginConfiguration.length) != 0;
    }

    /** Asks the plugin to finish ({@code proxy_on_done}); true if it is done, false if it will call {@code proxy_done}. */
    public boolean finishPlugin() {
        return !guest.exports("proxy_on_done") || invoke(ROOT_CONTEXT_ID, "proxy_on_done", ROOT_CONTEXT_ID) != 0;
    }

    /**
     * Calls {@code proxy_on_tick}, as the host does every tick period, if the plugin asked for ticks
     * ({@code proxy_set_tick_period_milliseconds} with a period above 0): Envoy starts no timer
     * otherwise. Returns whether the plugin was ticked.
     */
    public boolean tick() {
        if (host.tickPeriodMilliseconds <= 0 || !guest.exports("proxy_on_tick")) {
            return false;
        }
        invoke(ROOT_CONTEXT_ID, "proxy_on_tick", ROOT_CONTEXT_ID);
        return true;
    }

    /** The tick period the plugin asked for; 0 for none. */
    public int getTickPeriodMilliseconds() {
        return host.tickPeriodMilliseconds;
    }

    /** How many times the plugin called {@code proxy_done}. */
    public int getDoneCalls() {
        return host.doneCalls;
    }

    // ---- HTTP streams ---------------------------------------------------------------------

    /** Creates an HTTP stream context and returns its id. */
    public int initializeHttpContext() {
        int id = nextContextId++;
        host.openStream(id);
        invoke(id, "proxy_on_context_create", id, ROOT_CONTEXT_ID);
        return id;
    }

    /** Delivers request headers; {@code endOfStream} means no body follows. */
    public Action callOnRequestHeaders(int id, List<Header> headers, boolean endOfStream) {
        EmulatedHost.Stream stream = stream(id);
        stream.requestHeaders.setAll(headers);
        return deliverRequestHeaders(stream, endOfStream);
    }

    /**
     * Delivers request headers given as raw bytes, name then value, so a test can send what
     * String headers cannot hold (invalid UTF-8).
     */
    public Action callOnRequestHeaderBytes(int id, boolean endOfStream, byte[]... namesAndValues) {
        EmulatedHost.Stream stream = stream(id);
        stream.requestHeaders.setAll(List.of());
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            stream.requestHeaders.addBytes(namesAndValues[i], namesAndValues[i + 1]);
        }
        return deliverRequestHeaders(stream, endOfStream);
    }

    private Action deliverRequestHeaders(EmulatedHost.Stream stream, boolean endOfStream) {
        stream.info.requestHeadersReceived = true;
        return afterRequestCallback(stream, headersCallback(stream, "proxy_on_request_headers",
                stream.requestHeaders.size(), endOfStream, true));
    }

    /** Delivers a request body chunk; the plugin sees everything buffered so far. */
    public Action callOnRequestBody(int id, byte[] chunk, boolean endOfStream) {
        EmulatedHost.Stream stream = stream(id);
        stream.requestBody.append(chunk);
        if (stream.requestHeadersPaused) {
            return Action.PAUSE;
        }
        Action action = bodyCallback(stream, "proxy_on_request_body", stream.requestBody, endOfStream);
        if (action == Action.CONTINUE) {
            stream.forwardedRequestBody.append(stream.requestBody.bytes());
            stream.requestBody.clear();
        }
        return afterRequestCallback(stream, action);
    }

    /** Delivers a request body chunk as UTF-8 text. */
    public Action callOnRequestBody(int id, String chunk, boolean endOfStream) {
        return callOnRequestBody(id, chunk.getBytes(StandardCharsets.UTF_8), endOfStream);
    }

    /**
     * Delivers request trailers. As in Envoy, trailers end the body: the last body chunk came without
     * end of stream, and the body buffered so far is readable in the trailers callback and goes on
     * with the trailers when it continues.
     */
    public Action callOnRequestTrailers(int id, List<Header> trailers) {
        EmulatedHost.Stream stream = stream(id);
        stream.requestTrailers.setAll(trailers);
        Action action = trailersCallback(stream, "proxy_on_request_trailers", trailers.size());
        if (action == Action.CONTINUE) {
            // Trailers end the stream: the body buffered until now goes on with them.
            stream.forwardedRequestBody.append(stream.requestBody.bytes());
            stream.requestBody.clear();
        }
        return afterRequestCallback(stream, action);
    }

    /** Delivers response headers; {@code endOfStream} means no body follows. */
    public Action callOnResponseHeaders(int id, List<Header> headers, boolean endOfStream) {
        EmulatedHost.Stream stream = stream(id);
        stream.responseStarted = true;
        stream.responseHeaders.setAll(headers);
        stream.info.upstreamResponded(stream.responseHeaders);
        Action action = headersCallback(stream, "proxy_on_response_headers", headers.size(), endOfStream, false);
        SentLocalResponse reply = takePendingReply(stream);
        if (reply != null) {
            // Sent from the response headers callback, a local reply replaces the response directly.
            replaceResponse(stream, reply);
        }
        return action;
    }

    /** Delivers a response body chunk; the plugin sees everything buffered so far. */
    public Action callOnResponseBody(int id, byte[] chunk, boolean endOfStream) {
        EmulatedHost.Stream stream = stream(id);
        stream.responseBody.append(chunk);
        if (stream.responseHeadersPaused) {
            return Action.PAUSE;
        }
        Action action = bodyCallback(stream, "proxy_on_response_body", stream.responseBody, endOfStream);
        if (action == Action.CONTINUE) {
            stream.forwardedResponseBody.append(stream.responseBody.bytes());
            stream.responseBody.clear();
        }
        takePendingReply(stream);
        return action;
    }

    /** Delivers a response body chunk as UTF-8 text. */
    public Action callOnResponseBody(int id, String chunk, boolean endOfStream) {
        return callOnResponseBody(id, chunk.getBytes(StandardCharsets.UTF_8), endOfStream);
    }

    /** Delivers response trailers, which end the response body as request trailers end the request's. */
    public Action callOnResponseTrailers(int id, List<Header> trailers) {
        EmulatedHost.Stream stream = stream(id);
        stream.responseTrailers.setAll(trailers);
        Action action = trailersCallback(stream, "proxy_on_response_trailers", trailers.size());
        if (action == Action.CONTINUE && !stream.responseClosed) {
            stream.forwardedResponseBody.append(stream.responseBody.bytes());
            stream.responseBody.clear();
        }
        takePendingReply(stream);
        return action;
    }

    /**
     * Ends the stream as Envoy does: {@code proxy_on_log}, {@code proxy_on_done}, {@code proxy_on_delete}.
     * Its callouts and gRPC calls stay pending, as in Envoy, whose root context owns them: answering
     * one afterwards is the answer that comes after the client went away.
     */
    public void completeHttpContext(int id) {
        stream(id);
        for (String export : List.of("proxy_on_log", "proxy_on_done", "proxy_on_delete")) {
            if (guest.exports(export)) {
                invoke(id, export, id);
            }
        }
        host.streams.remove(id);
        host.filterState.delete(id);
    }

    /** The request headers as the plugin left them. */
    public List<Header> getCurrentRequestHeaders(int id) {
        return stream(id).requestHeaders.pairs();
    }

    /** The request trailers as the plugin left them. */
    public List<Header> getCurrentRequestTrailers(int id) {
        return stream(id).requestTrailers.pairs();
    }

    /** The response headers as the plugin left them (a local reply's, if one replaced the response). */
    public List<Header> getCurrentResponseHeaders(int id) {
        return stream(id).responseHeaders.pairs();
    }

    /** The response trailers as the plugin left them. */
    public List<Header> getCurrentResponseTrailers(int id) {
        return stream(id).responseTrailers.pairs();
    }

    /** The request body: what was passed upstream plus what is still buffered. */
    public byte[] getCurrentRequestBody(int id) {
        EmulatedHost.Stream s = stream(id);
        return concat(s.forwardedRequestBody.bytes(), s.requestBody.bytes());
    }

    /** The response body: what was passed downstream plus what is still buffered. */
    public byte[] getCurrentResponseBody(int id) {
        EmulatedHost.Stream s = stream(id);
        return concat(s.forwardedResponseBody.bytes(), s.responseBody.bytes());
    }

    /**
     * What Envoy has passed downstream of the response body so far: everything the plugin let
     * through, not what it still buffers. A proxy streaming to its client writes what this gained.
     */
    public byte[] getForwardedResponseBody(int id) {
        return stream(id).forwardedResponseBody.bytes();
    }

    /** The response body as UTF-8 text. */
    public String getCurrentResponseBodyText(int id) {
        return new String(getCurrentResponseBody(id), StandardCharsets.UTF_8);
    }

    /** The local reply the stream got, after the plugin's own response callbacks saw it; null if none. */
    public SentLocalResponse getSentLocalResponse(int id) {
        return stream(id).localResponse;
    }

    /** Whether the plugin closed the request or response direction of the stream. */
    public boolean isStreamClosed(int id) {
        EmulatedHost.Stream s = stream(id);
        return s.requestClosed || s.responseClosed;
    }

    /** Whether request processing is held after a pause in the request headers callback. */
    public boolean isRequestPaused(int id) {
        return stream(id).requestHeadersPaused;
    }

    /** Whether response processing is held after a pause in the response headers callback. */
    public boolean isResponsePaused(int id) {
        return stream(id).responseHeadersPaused;
    }

    // ---- TCP connections (network filters) ----------------------------------------------------

    /** Creates a TCP connection context and calls {@code proxy_on_new_connection}; returns its id. */
    public int initializeTcpContext() {
        int id = nextContextId++;
        host.openStream(id);
        invoke(id, "proxy_on_context_create", id, ROOT_CONTEXT_ID);
        if (guest.exports("proxy_on_new_connection")) {
            invoke(id, "proxy_on_new_connection", id);
        }
        return id;
    }

    /** Delivers data from the client; the plugin sees everything buffered so far. */
    public Action callOnDownstreamData(int id, byte[] data, boolean endOfStream) {
        return dataCallback(stream(id), "proxy_on_downstream_data", stream(id).downstreamData, data, endOfStream);
    }

    /** Delivers data from the upstream; the plugin sees everything buffered so far. */
    public Action callOnUpstreamData(int id, byte[] data, boolean endOfStream) {
        return dataCallback(stream(id), "proxy_on_upstream_data", stream(id).upstreamData, data, endOfStream);
    }

    /** The client side closed; {@code peer} says who closed it. */
    public void callOnDownstreamClose(int id, Peer peer) {
        stream(id);
        invokeIfExported(id, "proxy_on_downstream_connection_close", id, WireCodes.code(peer));
    }

    /** The upstream side closed; {@code peer} says who closed it. */
    public void callOnUpstreamClose(int id, Peer peer) {
        stream(id);
        invokeIfExported(id, "proxy_on_upstream_connection_close", id, WireCodes.code(peer));
    }

    /** What the plugin let through (or wrote) in each direction, and whether it closed them. */
    public byte[] getCurrentDownstreamData(int id) {
        return stream(id).forwardedRequestBody.bytes();
    }

    public byte[] getCurrentUpstreamData(int id) {
        return stream(id).forwardedResponseBody.bytes();
    }

    /** Whether the plugin closed the downstream or upstream side of connection {@code id}. */
    public boolean isConnectionClosed(int id) {
        EmulatedHost.Stream s = stream(id);
        return s.downstreamClosed || s.upstreamClosed;
    }

    private Action dataCallback(EmulatedHost.Stream stream, String export, BodyBuffer buffer, byte[] data,
            boolean endOfStream) {
        buffer.append(data);
        Action action = bodyCallback(stream, export, buffer, endOfStream);
        if (action == Action.CONTINUE) {
            BodyBuffer forwarded = export.equals("proxy_on_downstream_data") ? stream.forwardedRequestBody
                    : stream.forwardedResponseBody;
            forwarded.append(buffer.bytes());
            buffer.clear();
        }
        return action;
    }

    // ---- HTTP callouts, gRPC, queues, foreign functions ------------------------------------

    /** Calls the plugin made with {@code proxy_http_call} and that have no response yet. */
    public List<HttpCallout> getHttpCallouts() {
        return List.copyOf(host.httpCallouts.values());
    }

    /**
     * Delivers the response of callout {@code token} ({@code proxy_on_http_call_response}). Envoy
     * answers this way also when it cannot reach the cluster (503) or the answer does not start in
     * time (504), as local replies of its router; {@link #callOnHttpCallFailure} is the failure.
     * Without trailers the answer has no trailer map, as in Envoy (reading one is {@code BadArgument}).
     */
    public void callOnHttpCallResponse(int token, List<Header> headers, byte[] body, List<Header> trailers) {
        if (host.httpCallouts.remove(token) == null) {
            throw new IllegalArgumentException("no pending HTTP callout " + token);
        }
        host.calloutHeaders = HeaderMap.of(headers);
        host.calloutTrailers = trailers.isEmpty() ? null : HeaderMap.of(trailers);
        host.calloutBody = body.clone();
        try {
            invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_http_call_response", ROOT_CONTEXT_ID, token, headers.size(),
                    body.length, trailers.size());
        } finally {
            host.calloutHeaders = null;
            host.calloutTrailers = null;
            host.calloutBody = null;
        }
        sendPendingLocalReplies();
    }

    /**
     * Fails callout {@code token} as Envoy does ({@code Context::onHttpCallFailure}) when the call
     * is reset after its answer started (a broken connection, a timeout mid-answer) or the answer
     * exceeds the async client's 32 MiB buffer: {@code proxy_on_http_call_response} with no headers,
     * no body and no trailers. Meanwhile the response maps do not exist (reading a header is
     * {@code BadArgument}, the pairs are empty, the body is {@code NotFound}) and
     * {@code proxy_get_status} gives {@code BrokenConnection} (11) with the message "reset"; Envoy
     * clears the message afterwards and leaves the code.
     */
    public void callOnHttpCallFailure(int token) {
        if (host.httpCallouts.remove(token) == null) {
            throw new IllegalArgumentException("no pending HTTP callout " + token);
        }
        host.statusCode = dev.proxywasm.abi.WasmResult.BROKEN_CONNECTION.code();
        host.statusMessage = "reset".getBytes(StandardCharsets.UTF_8);
        try {
            invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_http_call_response", ROOT_CONTEXT_ID, token, 0, 0, 0);
        } finally {
            host.statusMessage = new byte[0];
        }
        sendPendingLocalReplies();
    }

    /**
     * The clusters of the callouts and gRPC calls the proxy refused because it does not know them
     * ({@link #withClusters}), in order.
     */
    public List<String> getRefusedCalls() {
        return host.clusters.refused();
    }

    /**
     * Local replies the plugin sent for a stream from outside that stream's callbacks (a callout's
     * answer, a gRPC event): Envoy sends them as it would from the request path.
     */
    private void sendPendingLocalReplies() {
        for (EmulatedHost.Stream stream : List.copyOf(host.streams.values())) {
            if (stream.pendingLocalResponse != null) {
                afterRequestCallback(stream, Action.PAUSE);
            }
        }
    }

    /** gRPC calls and streams the plugin opened. */
    public List<GrpcCall> getGrpcCalls() {
        return List.copyOf(host.grpcCalls.values());
    }

    /** Delivers initial metadata on a gRPC call; the map exists while the plugin handles it. */
    public void callOnGrpcReceiveInitialMetadata(int token, List<Header> metadata) {
        host.grpcInitialMetadata = HeaderMap.of(metadata);
        try {
            invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_grpc_receive_initial_metadata", ROOT_CONTEXT_ID, token,
                    metadata.size());
        } finally {
            host.grpcInitialMetadata = null;
        }
        sendPendingLocalReplies();
    }

    /** Delivers a message on a gRPC call. */
    public void callOnGrpcReceive(int token, byte[] message) {
        host.grpcReceiveBuffer = message.clone();
        try {
            invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_grpc_receive", ROOT_CONTEXT_ID, token, message.length);
        } finally {
            host.grpcReceiveBuffer = null;
        }
        sendPendingLocalReplies();
    }

    /** Delivers trailing metadata on a gRPC call; the map exists while the plugin handles it. */
    public void callOnGrpcReceiveTrailingMetadata(int token, List<Header> metadata) {
        host.grpcTrailingMetadata = HeaderMap.of(metadata);
        try {
            invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_grpc_receive_trailing_metadata", ROOT_CONTEXT_ID, token,
                    metadata.size());
        } finally {
            host.grpcTrailingMetadata = null;
        }
        sendPendingLocalReplies();
    }

    /**
     * Closes a gRPC call with a status the plugin reads with {@code proxy_get_status}: 0 is OK, any
     * other is how a failed call ends in Envoy (e.g. 14, unavailable, when the cluster cannot be
     * reached; 4, deadline exceeded, on a timeout). Envoy clears the message afterwards.
     */
    public void callOnGrpcClose(int token, int status, String message) {
        host.statusCode = status;
        host.statusMessage = message.getBytes(StandardCharsets.UTF_8);
        host.grpcCalls.remove(token);
        try {
            invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_grpc_close", ROOT_CONTEXT_ID, token, status);
        } finally {
            host.statusMessage = new byte[0];
        }
        sendPendingLocalReplies();
    }

    /** The id of a shared queue the plugin registered, or -1. */
    public int getQueueId(String name) {
        return host.queueIds.getOrDefault(host.vmId + "\0" + name, -1);
    }

    /** Enqueues {@code data} on queue {@code queueId} and tells the plugin ({@code proxy_on_queue_ready}). */
    public void enqueue(int queueId, byte[] data) {
        host.enqueueSharedQueue(queueId, data);
        invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_queue_ready", ROOT_CONTEXT_ID, queueId);
    }

    /** What is on queue {@code queueId}, oldest first, without removing it. */
    public List<byte[]> getQueueContents(int queueId) {
        var queue = host.queues.get(queueId);
        return queue == null ? List.of() : new ArrayList<>(queue);
    }

    /** Calls {@code proxy_on_foreign_function} with {@code arguments} readable as the foreign-function buffer. */
    public void callOnForeignFunction(int functionId, byte[] arguments) {
        host.foreignFunctionArguments = arguments.clone();
        try {
            invokeIfExported(ROOT_CONTEXT_ID, "proxy_on_foreign_function", ROOT_CONTEXT_ID, functionId,
                    arguments.length);
        } finally {
            host.foreignFunctionArguments = null;
        }
    }

    // ---- shared data, metrics, properties, logs ----------------------------------------

    /** The shared value under {@code key}, or null. */
    public byte[] getSharedData(String key) {
        var value = host.sharedData.get(key);
        return value == null ? null : value.value().clone();
    }

    /** Sets a shared value, as another VM would. */
    public void setSharedData(String key, byte[] value) {
        host.setSharedData(key.getBytes(StandardCharsets.UTF_8), value, 0);
    }

    /** Every metric the plugin defined, by name, with its value now. */
    public java.util.Map<String, Long> getMetrics() {
        java.util.Map<String, Long> metrics = new java.util.TreeMap<>();
        host.metricIds.forEach((name, id) -> metrics.put(name, host.metricValues.get(id)));
        return metrics;
    }

    /** The value of the metric named {@code name}; throws if the plugin did not define it. */
    public long getMetric(String name) {
        Integer id = host.metricIds.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no metric named " + name + "; defined: " + host.metricIds.keySet());
        }
        return host.metricValues.get(id);
    }

    /**
     * The property at {@code path} as UTF-8, or null: the test's {@link #withProperty}, else the
     * value the plugin last stored at exactly this path with {@code proxy_set_property} in any
     * stream. Envoy keeps the latter in that stream's filter state, where
     * {@link #getFilterState} shows it as Envoy's other filters and access logs see it.
     */
    public String getProperty(String... path) {
        byte[] value = host.properties.get(propertyKey(path));
        if (value == null) {
            value = host.filterState.lastSet(propertyKey(path));
        }
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * The object under {@code key} in stream {@code id}'s filter state as UTF-8, or null: what
     * {@code proxy_set_property} stored, under {@code wasm.} and the path (segments joined by NUL),
     * e.g. {@code getFilterState(id, "wasm.my_key")} after {@code Properties.set(value, "my_key")}.
     * The filter state goes with the stream ({@link #completeHttpContext}).
     */
    public String getFilterState(int id, String key) {
        stream(id);
        byte[] value = host.filterState.get(id, key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Messages logged at {@code level}, in order. */
    public List<String> getLogs(LogLevel level) {
        List<String> lines = new ArrayList<>();
        for (EmulatedHost.LogLine line : host.logs) {
            if (line.level().code() == WireCodes.code(level)) {
                lines.add(line.message());
            }
        }
        return lines;
    }

    /** Every message logged, with its level: {@code "info: message"}. */
    public List<String> getAllLogs() {
        List<String> lines = new ArrayList<>();
        host.logs.forEach(l -> lines.add(l.level().name().toLowerCase(java.util.Locale.ROOT) + ": " + l.message()));
        return lines;
    }

    /** Every kept line with its level, as {@link #getAllLogs()}, and forgets them: for long runs. */
    public List<String> takeLogs() {
        List<String> lines = getAllLogs();
        host.logs.clear();
        return lines;
    }

    /** Messages logged at trace level, in order. */
    public List<String> getTraceLogs() {
        return getLogs(LogLevel.TRACE);
    }

    /** Messages logged at debug level, in order. */
    public List<String> getDebugLogs() {
        return getLogs(LogLevel.DEBUG);
    }

    /** Messages logged at info level, in order. */
    public List<String> getInfoLogs() {
        return getLogs(LogLevel.INFO);
    }

    /** Messages logged at warn level, in order. */
    public List<String> getWarnLogs() {
        return getLogs(LogLevel.WARN);
    }

    /** Messages logged at error level, in order. */
    public List<String> getErrorLogs() {
        return getLogs(LogLevel.ERROR);
    }

    /** Messages logged at critical level, in order. */
    public List<String> getCriticalLogs() {
        return getLogs(LogLevel.CRITICAL);
    }

    // ---- VM state --------------------------------------------------------------------------

    /** The trap that failed the VM, or null. */
    public WasmTrap getTrap() {
        return trap;
    }

    /** Whether a trap failed the VM. */
    public boolean isVmFailed() {
        return trap != null;
    }

    /** Linear memory size in 64 KiB pages; -1 on the JVM. */
    public int getMemoryPages() {
        return guest.memoryPages();
    }

    @Override
    public void close() {
        guest.close();
    }

    // ---- dispatch ----------------------------------------------------------------------------

    private EmulatedHost.Stream stream(int id) {
        EmulatedHost.Stream stream = host.streams.get(id);
        if (stream == null) {
            throw new IllegalArgumentException("no HTTP stream " + id + "; call initializeHttpContext() first");
        }
        return stream;
    }

    private Action headersCallback(EmulatedHost.Stream stream, String export, int count, boolean endOfStream,
            boolean request) {
        if (isVmFailed()) {
            return failedStream(stream);
        }
        if (!guest.exports(export)) {
            return Action.CONTINUE;
        }
        int result = invoke(stream.id, export, stream.id, count, endOfStream ? 1 : 0);
        if (isVmFailed()) {
            return failedStream(stream);
        }
        if (result != 0) {
            if (request) {
                stream.requestHeadersPaused = true;
            } else {
                stream.responseHeadersPaused = true;
            }
            return Action.PAUSE;
        }
        return Action.CONTINUE;
    }

    private Action bodyCallback(EmulatedHost.Stream stream, String export, BodyBuffer buffer, boolean endOfStream) {
        if (isVmFailed()) {
            return failedStream(stream);
        }
        if (!guest.exports(export)) {
            return Action.CONTINUE;
        }
        int result = invoke(stream.id, export, stream.id, buffer.size(), endOfStream ? 1 : 0);
        if (isVmFailed()) {
            return failedStream(stream);
        }
        return result == 0 ? Action.CONTINUE : Action.PAUSE;
    }

    private Action trailersCallback(EmulatedHost.Stream stream, String export, int count) {
        if (isVmFailed()) {
            return failedStream(stream);
        }
        if (!guest.exports(export)) {
            return Action.CONTINUE;
        }
        int result = invoke(stream.id, export, stream.id, count);
        if (isVmFailed()) {
            return failedStream(stream);
        }
        return result == 0 ? Action.CONTINUE : Action.PAUSE;
    }

    /** A local reply sent before the response started runs through the plugin's own response callbacks. */
    private Action afterRequestCallback(EmulatedHost.Stream stream, Action action) {
        SentLocalResponse reply = takePendingReply(stream);
        if (reply == null || stream.responseStarted) {
            return action;
        }
        stream.responseStarted = true;
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(":status", Integer.toString(reply.status())));
        if (reply.body().length > 0) {
            headers.add(new Header("content-length", Integer.toString(reply.body().length)));
            headers.add(new Header("content-type", "text/plain"));
        }
        headers.addAll(reply.headers());
        stream.responseHeaders.setAll(headers);
        stream.responseBody.clear();
        stream.responseBody.append(reply.body());
        boolean headersOnly = reply.body().length == 0;
        headersCallback(stream, "proxy_on_response_headers", headers.size(), headersOnly, false);
        if (!headersOnly && !stream.responseHeadersPaused) {
            bodyCallback(stream, "proxy_on_response_body", stream.responseBody, true);
        }
        SentLocalResponse nested = takePendingReply(stream);
        if (nested != null) {
            replaceResponse(stream, nested);
        }
        stream.forwardedResponseBody.append(stream.responseBody.bytes());
        stream.responseBody.clear();
        stream.localResponse = new SentLocalResponse(reply.status(), stream.responseHeaders.pairs(),
                stream.forwardedResponseBody.bytes(), reply.details(), reply.grpcStatus());
        return Action.PAUSE;
    }

    private static SentLocalResponse takePendingReply(EmulatedHost.Stream stream) {
        SentLocalResponse reply = stream.pendingLocalResponse;
        stream.pendingLocalResponse = null;
        return reply;
    }

    private static void replaceResponse(EmulatedHost.Stream stream, SentLocalResponse reply) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(":status", Integer.toString(reply.status())));
        headers.addAll(reply.headers());
        stream.responseHeaders.setAll(headers);
        stream.responseBody.clear();
        stream.forwardedResponseBody.clear();
        stream.forwardedResponseBody.append(reply.body());
        stream.localResponse = reply;
    }

    /** Envoy's treatment of a stream on a failed VM. */
    private Action failedStream(EmulatedHost.Stream stream) {
        if (failOpen) {
            return Action.CONTINUE;
        }
        if (stream.localResponse == null) {
            stream.localResponse = new SentLocalResponse(503, List.of(), new byte[0], "wasm_fail_stream", -1);
        }
        return Action.PAUSE;
    }

    private void invokeIfExported(int contextId, String export, int... args) {
        if (guest.exports(export)) {
            invoke(contextId, export, args);
        }
    }

    /** Calls an export with {@code contextId} active; a trap fails the VM and later calls are skipped. */
    private int invoke(int contextId, String export, int... args) {
        if (isVmFailed()) {
            return 0;
        }
        int previous = host.activeContext;
        host.activeContext = contextId;
        try {
            return guest.call(export, args);
        } catch (WasmTrap e) {
            trap = e;
            return 0;
        } finally {
            host.activeContext = previous;
        }
    }

    /** Segments joined by NUL, the ABI's path form without a trailing NUL. */
    static String propertyKey(String... path) {
        return String.join("\0", path);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
