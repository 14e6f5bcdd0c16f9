package dev.proxywasm.emulator;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What Envoy's configuration and environment give the plugin: its configurations, names and VM id,
 * the connection and protocol of new streams, the clock, and the foreign functions it may call.
 */
public final class PluginSettings {
    private byte[] pluginConfiguration = new byte[0];
    private byte[] vmConfiguration = new byte[0];
    private String vmId = "";
    private String pluginName = "";
    private String rootId = "";
    private Downstream downstream = Downstream.DEFAULT;
    private String protocol = "HTTP/1.1";
    private Long frozenTimeNanos;
    private final Map<String, UnaryOperator<byte[]>> foreignFunctions = new HashMap<>();

    /** The plugin configuration {@code proxy_on_configure} reads. */
    public byte[] pluginConfiguration() {
        return pluginConfiguration;
    }

    public void setPluginConfiguration(byte[] bytes) {
        pluginConfiguration = bytes.clone();
    }

    /** The VM configuration {@code proxy_on_vm_start} reads. */
    public byte[] vmConfiguration() {
        return vmConfiguration;
    }

    public void setVmConfiguration(byte[] bytes) {
        vmConfiguration = bytes.clone();
    }

    /** The VM id, which names the VM's shared queues ({@code plugin_vm_id}). */
    public String vmId() {
        return vmId;
    }

    public void setVmId(String id) {
        vmId = id;
    }

    /** {@code plugin_name}. */
    public String pluginName() {
        return pluginName;
    }

    public void setPluginName(String name) {
        pluginName = name;
    }

    /** {@code plugin_root_id}. */
    public String rootId() {
        return rootId;
    }

    public void setRootId(String id) {
        rootId = id;
    }

    /** The connection streams created from now on arrive on. */
    Downstream downstream() {
        return downstream;
    }

    /** New addresses are a new connection, with the next {@code connection.id}. */
    public void connect(InetSocketAddress source, InetSocketAddress destination) {
        downstream = downstream.connect(source, destination);
    }

    /** Whether the client of the streams created from now on presented a certificate. */
    public void setMutualTls(boolean presented) {
        downstream = downstream.withMtls(presented);
    }

    /** The protocol of streams created from now on, as Envoy names it ({@code request.protocol}). */
    public String protocol() {
        return protocol;
    }

    public void setProtocol(String name) {
        protocol = name;
    }

    /** Freezes the clock at {@code nanos} since the epoch. */
    public void freezeTime(long nanos) {
        frozenTimeNanos = nanos;
    }

    /** The time the host tells the plugin, in nanoseconds since the epoch. */
    public long currentTimeNanos() {
        return frozenTimeNanos != null ? frozenTimeNanos : System.currentTimeMillis() * 1_000_000L;
    }

    /** A foreign function the plugin can call with {@code proxy_call_foreign_function}. */
    public void addForeignFunction(String name, UnaryOperator<byte[]> function) {
        foreignFunctions.put(name, function);
    }

    /** The foreign function named {@code name}, or null. */
    UnaryOperator<byte[]> foreignFunction(String name) {
        return foreignFunctions.get(name);
    }
}
