package dev.proxywasm.testing;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.PeerType;
import dev.proxywasm.abi.WasmResult;
import dev.proxywasm.api.Action;
import dev.proxywasm.api.Header;
import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.Peer;
import dev.proxywasm.emulator.Emulator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The host model ({@link Emulator}) as plugin tests drive it, one plugin on the JVM or as the
 * compiled module ({@link Mode}). Verbs follow the Go SDK's {@code proxytest}: configure, then
 * {@link #startPlugin()}, then {@link #initializeHttpContext()} and {@code callOn…} per stream.
 * Each JVM-mode emulator loads the plugin and the SDK runtime in its own class loader, so tests may
 * run in parallel.
 *
 * <p>A trap in the compiled module fails the emulated VM as it fails Envoy's: every later callback
 * is skipped, and HTTP streams either pass untouched ({@link #withFailOpen fail-open}) or get a 503
 * local reply (fail-closed, the default). {@link #getTrap()} tells whether it happened.
 */
public final class HostEmulator extends EmulatorReadings implements AutoCloseable {
    private final Emulator model;

    private HostEmulator(Mode mode, Emulator model) {
        super(mode, model);
        this.model = model;
    }

    /**
     * Runs the plugin whose generated glue class ({@code <Plugin>_ProxyWasm}) is {@code glue}, on
     * the JVM; raw static {@code @Export} methods of {@code plugin} (may be null) are callbacks too.
     */
    public static HostEmulator onJvm(Class<?> glue, Class<?> plugin) {
        return new HostEmulator(Mode.JVM, Emulator.onJvm(glue, plugin));
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
        return new HostEmulator(Mode.WASM, Emulator.inWasm(module));
    }

    // ---- configuration -------------------------------------------------------------------

    /** The plugin configuration {@code @OnPluginStart} reads. */
    public HostEmulator withPluginConfiguration(String text) {
        return withPluginConfiguration(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The plugin configuration {@code @OnPluginStart} reads. */
    public HostEmulator withPluginConfiguration(byte[] bytes) {
        model.settings().setPluginConfiguration(bytes);
        return this;
    }

    /** The VM configuration {@code @OnVmStart} reads. */
    public HostEmulator withVmConfiguration(String text) {
        model.settings().setVmConfiguration(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The VM id, which names the VM's shared queues ({@code plugin_vm_id}; empty by default). */
    public HostEmulator withVmId(String vmId) {
        model.settings().setVmId(vmId);
        return this;
    }

    /** The plugin's name in Envoy's configuration ({@code plugin_name}; empty by default, as when unnamed). */
    public HostEmulator withPluginName(String name) {
        model.settings().setPluginName(name);
        return this;
    }

    /** The plugin's root id in Envoy's configuration ({@code plugin_root_id}; empty by default). */
    public HostEmulator withRootId(String rootId) {
        model.settings().setRootId(rootId);
        return this;
    }

    /**
     * The client and listener addresses of the streams created from now on ({@code source.*},
     * {@code destination.*}); other addresses than the current ones are a new connection, with the
     * next {@code connection.id}. By default 127.0.0.1:51000 talks to 127.0.0.1:10000 on connection 1.
     */
    public HostEmulator withConnection(InetSocketAddress source, InetSocketAddress destination) {
        model.settings().connect(source, destination);
        return this;
    }

    /** Whether the client of the streams created from now on presented a certificate ({@code connection.mtls}). */
    public HostEmulator withMutualTls(boolean presented) {
        model.settings().setMutualTls(presented);
        return this;
    }

    /** The protocol of the streams created from now on ({@code request.protocol}): "HTTP/1.1" by default. */
    public HostEmulator withProtocol(String protocol) {
        model.settings().setProtocol(protocol);
        return this;
    }

    /**
     * A property, e.g. {@code withProperty("hello", "request", "path")}, for every context. It takes
     * precedence over the attributes the emulator derives as Envoy does and over what the plugin
     * stored with {@code proxy_set_property}.
     */
    public HostEmulator withProperty(String value, String... path) {
        model.properties().supply(value, path);
        return this;
    }

    /**
     * The clusters the proxy knows: an HTTP callout to any other is refused with {@code BadArgument},
     * a gRPC call or stream with {@code ParseFailure}, and {@link #getRefusedCalls()} lists it. By
     * default every cluster is known; with no names none is.
     */
    public HostEmulator withClusters(String... names) {
        model.clusters().only(List.of(names));
        return this;
    }

    /** What a trap does to later streams: pass them (true) or reply 503 (false, the default). */
    public HostEmulator withFailOpen(boolean open) {
        model.vm().setFailOpen(open);
        return this;
    }

    /** Counts log lines without keeping them: for soak runs of millions of requests. */
    public HostEmulator withLogsDiscarded() {
        model.logs().discard();
        return this;
    }

    /** The level {@code proxy_get_log_level} reports. */
    public HostEmulator withLogLevel(LogLevel level) {
        model.logs().setLevel(dev.proxywasm.abi.LogLevel.valueOf(level.name()));
        return this;
    }

    /** Freezes the clock at {@code nanos} since the epoch. */
    public HostEmulator withCurrentTimeNanos(long nanos) {
        model.settings().freezeTime(nanos);
        return this;
    }

    /** A foreign function the plugin can call with {@code proxy_call_foreign_function}. */
    public HostEmulator withForeignFunction(String name, UnaryOperator<byte[]> function) {
        model.settings().addForeignFunction(name, function);
        return this;
    }

    /**
     * Makes a seeded fraction {@code rate} (0 to 1) of the plugin's host calls from now on return
     * one of {@code codes} instead of doing their work, in both modes: Envoy's unhappy paths. Eligible
     * are every {@code env} function but {@link HostCallFailures#NEVER_FAILED}; the same seed fails
     * the same calls on every run ({@link dev.proxywasm.emulator.HostCallFailures}).
     */
    public HostEmulator withHostCallFailures(double rate, long seed, WasmResult... codes) {
        return withHostCallFailures(rate, seed, HostCallFailures.ENVOY_FALLIBLE, codes);
    }

    /** As {@link #withHostCallFailures(double, long, WasmResult...)}, for the ABI functions {@code functions} accepts. */
    public HostEmulator withHostCallFailures(double rate, long seed, Predicate<String> functions,
            WasmResult... codes) {
        Predicate<HostFunction> byName = function -> functions.test(function.abiName());
        model.failHostCalls(rate, seed, byName, codes);
        return this;
    }

    /** Host calls do their work again. */
    public HostEmulator withoutHostCallFailures() {
        model.stopFailingHostCalls();
        return this;
    }

    // ---- plugin lifecycle -----------------------------------------------------------------

    /** Creates the root context, starts the VM and configures the plugin; false if either fails. */
    public boolean startPlugin() {
        return model.vm().start();
    }

    /**
     * Applies the plugin configuration set now as Envoy applies a configuration update: a new root
     * context (a new id) is created, started and configured, and replaces the current one, which is
     * finished and deleted; a rejected update deletes the new one instead. Returns whether it was
     * accepted. Before {@link #startPlugin()}, it is {@link #startPlugin()}.
     */
    public boolean reconfigurePlugin() {
        return model.vm().reconfigure();
    }

    /** The id of the root context new streams belong to: 1 until a configuration update replaces it. */
    public int getRootContextId() {
        return model.vm().rootContextId();
    }

    /** Asks the plugin to finish ({@code proxy_on_done}); true if done, false if it will call {@code proxy_done}. */
    public boolean finishPlugin() {
        return model.vm().finish();
    }

    /** Calls {@code proxy_on_tick} if the plugin asked for ticks; returns whether it was ticked. */
    public boolean tick() {
        return model.vm().tick();
    }

    // ---- HTTP streams ---------------------------------------------------------------------

    /** Creates an HTTP stream context and returns its id. */
    public int initializeHttpContext() {
        return model.http().open();
    }

    /** Delivers request headers; {@code endOfStream} means no body follows. */
    public Action callOnRequestHeaders(int id, List<Header> headers, boolean endOfStream) {
        return model.http().requestHeaders(id, headers, endOfStream);
    }

    /** Delivers request headers as raw bytes, name then value, to send what Strings cannot hold. */
    public Action callOnRequestHeaderBytes(int id, boolean endOfStream, byte[]... namesAndValues) {
        return model.http().requestHeaderBytes(id, endOfStream, namesAndValues);
    }

    /** Delivers a request body chunk; the plugin sees everything buffered so far. */
    public Action callOnRequestBody(int id, byte[] chunk, boolean endOfStream) {
        return model.http().requestBody(id, chunk, endOfStream);
    }

    /** Delivers a request body chunk as UTF-8 text. */
    public Action callOnRequestBody(int id, String chunk, boolean endOfStream) {
        return callOnRequestBody(id, chunk.getBytes(StandardCharsets.UTF_8), endOfStream);
    }

    /** Delivers request trailers, which end the body: what it buffered goes on with them. */
    public Action callOnRequestTrailers(int id, List<Header> trailers) {
        return model.http().requestTrailers(id, trailers);
    }

    /** Delivers response headers; {@code endOfStream} means no body follows. */
    public Action callOnResponseHeaders(int id, List<Header> headers, boolean endOfStream) {
        return model.http().responseHeaders(id, headers, endOfStream);
    }

    /** Delivers a response body chunk; the plugin sees everything buffered so far. */
    public Action callOnResponseBody(int id, byte[] chunk, boolean endOfStream) {
        return model.http().responseBody(id, chunk, endOfStream);
    }

    /** Delivers a response body chunk as UTF-8 text. */
    public Action callOnResponseBody(int id, String chunk, boolean endOfStream) {
        return callOnResponseBody(id, chunk.getBytes(StandardCharsets.UTF_8), endOfStream);
    }

    /** Delivers response trailers, which end the response body. */
    public Action callOnResponseTrailers(int id, List<Header> trailers) {
        return model.http().responseTrailers(id, trailers);
    }

    /** Ends the stream as Envoy does: {@code proxy_on_log}, {@code proxy_on_done}, {@code proxy_on_delete}. */
    public void completeHttpContext(int id) {
        model.http().complete(id);
    }

    // ---- TCP connections (network filters) ----------------------------------------------------

    /** Creates a TCP connection context and calls {@code proxy_on_new_connection}; returns its id. */
    public int initializeTcpContext() {
        return model.tcp().open();
    }

    /** Delivers data from the client; the plugin sees everything buffered so far. */
    public Action callOnDownstreamData(int id, byte[] data, boolean endOfStream) {
        return model.tcp().downstreamData(id, data, endOfStream);
    }

    /** Delivers data from the upstream; the plugin sees everything buffered so far. */
    public Action callOnUpstreamData(int id, byte[] data, boolean endOfStream) {
        return model.tcp().upstreamData(id, data, endOfStream);
    }

    /** The client side closed; {@code peer} says who closed it. */
    public void callOnDownstreamClose(int id, Peer peer) {
        model.tcp().downstreamClosed(id, PeerType.valueOf(peer.name()));
    }

    /** The upstream side closed; {@code peer} says who closed it. */
    public void callOnUpstreamClose(int id, Peer peer) {
        model.tcp().upstreamClosed(id, PeerType.valueOf(peer.name()));
    }

    /** Ends the connection: {@code proxy_on_log}, {@code proxy_on_done}, {@code proxy_on_delete}. */
    public void completeTcpContext(int id) {
        model.tcp().complete(id);
    }

    // ---- HTTP callouts, gRPC, queues, foreign functions ------------------------------------

    /** Delivers the response of callout {@code token}; without trailers the answer has no trailer map. */
    public void callOnHttpCallResponse(int token, List<Header> headers, byte[] body, List<Header> trailers) {
        model.events().calloutResponse(token, headers, body, trailers);
    }

    /** Fails callout {@code token} as Envoy does: no answer, {@code BrokenConnection} "reset" as the status. */
    public void callOnHttpCallFailure(int token) {
        model.events().calloutFailure(token);
    }

    /** Delivers initial metadata on a gRPC call; the map exists while the plugin handles it. */
    public void callOnGrpcReceiveInitialMetadata(int token, List<Header> metadata) {
        model.events().grpcInitialMetadata(token, metadata);
    }

    /** Delivers a message on a gRPC call. */
    public void callOnGrpcReceive(int token, byte[] message) {
        model.events().grpcMessage(token, message);
    }

    /** Delivers trailing metadata on a gRPC call; the map exists while the plugin handles it. */
    public void callOnGrpcReceiveTrailingMetadata(int token, List<Header> metadata) {
        model.events().grpcTrailingMetadata(token, metadata);
    }

    /** Closes a gRPC call with a status (0 is OK) the plugin reads with {@code proxy_get_status}. */
    public void callOnGrpcClose(int token, int status, String message) {
        model.events().grpcClose(token, status, message);
    }

    /** Enqueues {@code data} on queue {@code queueId} and tells the plugin ({@code proxy_on_queue_ready}). */
    public void enqueue(int queueId, byte[] data) {
        model.events().enqueue(queueId, data);
    }

    /** Calls {@code proxy_on_foreign_function} with {@code arguments} readable as the foreign-function buffer. */
    public void callOnForeignFunction(int functionId, byte[] arguments) {
        model.events().foreignFunction(functionId, arguments);
    }

    // ---- shared data, metrics, properties, logs ----------------------------------------

    /** Sets a shared value, as another VM would. */
    public void setSharedData(String key, byte[] value) {
        model.sharedData().set(key, value, 0);
    }

    // ---- VM state --------------------------------------------------------------------------

    @Override
    public void close() {
        model.close();
    }
}
