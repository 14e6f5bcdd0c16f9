package dev.proxywasm.emulator;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.WasmResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One emulated Envoy with one plugin VM, run on the JVM or as the compiled module: the parts of
 * the host model, wired together. Configure through {@link #settings()}, start with
 * {@link Vm#start()}, then drive {@link #http()} streams, {@link #tcp()} connections and
 * {@link #events()}; read back what the plugin did from the other parts.
 */
public final class Emulator implements AutoCloseable {
    private final EmulatedHost host = new EmulatedHost();
    private final Vm vm;
    private final HttpStreams http;
    private final TcpConnections tcp;
    private final AsyncEvents events;

    private Emulator(Function<EmulatedHost, Guest> guestFactory) {
        this.vm = new Vm(guestFactory.apply(host), host);
        StreamCallbacks callbacks = new StreamCallbacks(vm);
        LocalReplies replies = new LocalReplies(vm, callbacks, host.streams);
        this.http = new HttpStreams(vm, host, callbacks, replies);
        this.tcp = new TcpConnections(vm, host, callbacks);
        this.events = new AsyncEvents(vm, host, replies);
    }

    /**
     * Runs the plugin whose generated glue class ({@code <Plugin>_ProxyWasm}) is {@code glue} on the
     * JVM, in a class loader of its own; raw static {@code @Export} methods of {@code plugin} (may be
     * null) are callbacks too.
     */
    public static Emulator onJvm(Class<?> glue, Class<?> plugin) {
        List<Class<?>> classes = new ArrayList<>(List.of(glue));
        if (plugin != null) {
            classes.add(plugin);
        }
        return new Emulator(h -> new JvmGuest(classes, h));
    }

    /** An emulator over the guest {@code guestFactory} makes for its host: for tests of the model. */
    static Emulator withGuest(Function<EmulatedHost, Guest> guestFactory) {
        return new Emulator(guestFactory);
    }

    /** The host functions over this emulator, as the plugin calls them: for tests of the model. */
    EmulatedHost host() {
        return host;
    }

    /** Runs the compiled module at {@code module} in Chicory. */
    public static Emulator inWasm(Path module) {
        return new Emulator(h -> new WasmGuest(module, h));
    }

    /** The plugin's VM: lifecycle, ticks, traps. */
    public Vm vm() {
        return vm;
    }

    /** Envoy's configuration and environment as the plugin sees them. */
    public PluginSettings settings() {
        return host.settings;
    }

    public HttpStreams http() {
        return http;
    }

    public TcpConnections tcp() {
        return tcp;
    }

    /** Callout answers, gRPC events, queue items and foreign calls for the root context. */
    public AsyncEvents events() {
        return events;
    }

    public Clusters clusters() {
        return host.clusters;
    }

    public Callouts callouts() {
        return host.callouts;
    }

    public GrpcCalls grpcCalls() {
        return host.grpcCalls;
    }

    public SharedData sharedData() {
        return host.sharedData;
    }

    public SharedQueues queues() {
        return host.queues;
    }

    public Metrics metrics() {
        return host.metrics;
    }

    public Properties properties() {
        return host.properties;
    }

    public Logs logs() {
        return host.logs;
    }

    /**
     * Makes a seeded fraction {@code rate} of the plugin's host calls to {@code functions} fail
     * from now on with one of {@code codes}, in both modes ({@link HostCallFailures}).
     */
    public HostCallFailures failHostCalls(double rate, long seed, Predicate<HostFunction> functions,
            WasmResult... codes) {
        host.failures = new HostCallFailures(rate, seed, functions, codes);
        return host.failures;
    }

    /** Host calls do their work again. */
    public void stopFailingHostCalls() {
        host.failures = null;
    }

    /** The failures injected now, or null. */
    public HostCallFailures hostCallFailures() {
        return host.failures;
    }

    @Override
    public void close() {
        vm.close();
    }
}
