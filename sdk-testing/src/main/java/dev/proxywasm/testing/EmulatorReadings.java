package dev.proxywasm.testing;

import dev.proxywasm.api.LogLevel;
import dev.proxywasm.api.Header;
import dev.proxywasm.emulator.Emulator;
import dev.proxywasm.emulator.Trap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a test reads back from a {@link HostEmulator}: streams and connections as the plugin left
 * them, its callouts and gRPC calls, shared state, metrics, properties, logs, and the VM's state.
 */
public abstract sealed class EmulatorReadings permits HostEmulator {
    private final Mode mode;
    private final Emulator model;
    private WasmTrap trap;

    EmulatorReadings(Mode mode, Emulator model) {
        this.mode = mode;
        this.model = model;
    }

    /** Which way the plugin runs. */
    public Mode mode() {
        return mode;
    }

    /** The host model underneath, for what this facade does not offer. */
    public Emulator model() {
        return model;
    }

    /** How many host calls failed on purpose since {@link #withHostCallFailures}, by ABI function name. */
    public Map<String, Long> getInjectedFailures() {
        return model.hostCallFailures() == null ? Map.of() : model.hostCallFailures().injected();
    }

    /** How many host calls were eligible to fail since {@link #withHostCallFailures}. */
    public long getFailureEligibleCalls() {
        return model.hostCallFailures() == null ? 0 : model.hostCallFailures().eligibleCalls();
    }

    /** The tick period the plugin asked for; 0 for none. */
    public int getTickPeriodMilliseconds() {
        return model.vm().tickPeriodMilliseconds();
    }

    /** How many times the plugin called {@code proxy_done}. */
    public int getDoneCalls() {
        return model.vm().doneCalls();
    }

    /** The request headers as the plugin left them. */
    public List<Header> getCurrentRequestHeaders(int id) {
        return model.http().requestHeaders(id);
    }

    /** The request trailers as the plugin left them. */
    public List<Header> getCurrentRequestTrailers(int id) {
        return model.http().requestTrailers(id);
    }

    /** The response headers as the plugin left them (a local reply's, if one replaced the response). */
    public List<Header> getCurrentResponseHeaders(int id) {
        return model.http().responseHeaders(id);
    }

    /** The response trailers as the plugin left them. */
    public List<Header> getCurrentResponseTrailers(int id) {
        return model.http().responseTrailers(id);
    }

    /** The request body: what was passed upstream plus what is still buffered. */
    public byte[] getCurrentRequestBody(int id) {
        return model.http().requestBody(id);
    }

    /** The response body: what was passed downstream plus what is still buffered. */
    public byte[] getCurrentResponseBody(int id) {
        return model.http().responseBody(id);
    }

    /** What Envoy has passed downstream of the response body so far, not what the plugin still buffers. */
    public byte[] getForwardedResponseBody(int id) {
        return model.http().forwardedResponseBody(id);
    }

    /** The response body as UTF-8 text. */
    public String getCurrentResponseBodyText(int id) {
        return new String(getCurrentResponseBody(id), StandardCharsets.UTF_8);
    }

    /** The local reply the stream got, after the plugin's own response callbacks saw it; null if none. */
    public SentLocalResponse getSentLocalResponse(int id) {
        return SentLocalResponse.of(model.http().localReply(id));
    }

    /** Whether the plugin closed the request or response direction of the stream. */
    public boolean isStreamClosed(int id) {
        return model.http().isClosed(id);
    }

    /** Whether request processing is held after a pause in the request headers callback. */
    public boolean isRequestPaused(int id) {
        return model.http().isRequestPaused(id);
    }

    /** Whether response processing is held after a pause in the response headers callback. */
    public boolean isResponsePaused(int id) {
        return model.http().isResponsePaused(id);
    }

    /** What the plugin let through (or wrote) towards the upstream. */
    public byte[] getCurrentDownstreamData(int id) {
        return model.tcp().forwardedDownstreamData(id);
    }

    /** What the plugin let through (or wrote) towards the client. */
    public byte[] getCurrentUpstreamData(int id) {
        return model.tcp().forwardedUpstreamData(id);
    }

    /** Whether the plugin closed the downstream or upstream side of connection {@code id}. */
    public boolean isConnectionClosed(int id) {
        return model.tcp().isClosed(id);
    }

    /** Calls the plugin made with {@code proxy_http_call} and that have no response yet. */
    public List<HttpCallout> getHttpCallouts() {
        return model.callouts().pending().stream().map(HttpCallout::of).toList();
    }

    /** The clusters of the calls the proxy refused because it does not know them ({@link #withClusters}). */
    public List<String> getRefusedCalls() {
        return model.clusters().refused();
    }

    /** gRPC calls and streams the plugin opened. */
    public List<GrpcCall> getGrpcCalls() {
        return model.grpcCalls().open().stream().map(GrpcCall::new).toList();
    }

    /** The id of a shared queue the plugin registered, or -1. */
    public int getQueueId(String name) {
        return model.queues().id(model.settings().vmId(), name);
    }

    /** What is on queue {@code queueId}, oldest first, without removing it. */
    public List<byte[]> getQueueContents(int queueId) {
        return model.queues().contents(queueId);
    }

    /** The shared value under {@code key}, or null. */
    public byte[] getSharedData(String key) {
        return model.sharedData().value(key);
    }

    /** Every metric the plugin defined, by name, with its value now. */
    public Map<String, Long> getMetrics() {
        return model.metrics().snapshot();
    }

    /** The value of the metric named {@code name}; throws if the plugin did not define it. */
    public long getMetric(String name) {
        return model.metrics().value(name);
    }

    /** The property at {@code path}: the test's {@link #withProperty}, else what the plugin last stored there. */
    public String getProperty(String... path) {
        return model.properties().value(path);
    }

    /** The object under {@code key} (e.g. {@code wasm.my_key}) in stream {@code id}'s filter state, or null. */
    public String getFilterState(int id, String key) {
        return model.http().filterState(id, key);
    }

    /** How many lines the plugin logged, kept or not. */
    public long getLogCount() {
        return model.logs().count();
    }

    /** Messages logged at {@code level}, in order. */
    public List<String> getLogs(LogLevel level) {
        return model.logs().at(dev.proxywasm.abi.LogLevel.valueOf(level.name()));
    }

    /** Every message logged, with its level: {@code "info: message"}. */
    public List<String> getAllLogs() {
        return model.logs().all();
    }

    /** Every kept line with its level, as {@link #getAllLogs()}, and forgets them: for long runs. */
    public List<String> takeLogs() {
        return model.logs().take();
    }

    public List<String> getTraceLogs() {
        return getLogs(LogLevel.TRACE);
    }

    public List<String> getDebugLogs() {
        return getLogs(LogLevel.DEBUG);
    }

    public List<String> getInfoLogs() {
        return getLogs(LogLevel.INFO);
    }

    public List<String> getWarnLogs() {
        return getLogs(LogLevel.WARN);
    }

    public List<String> getErrorLogs() {
        return getLogs(LogLevel.ERROR);
    }

    public List<String> getCriticalLogs() {
        return getLogs(LogLevel.CRITICAL);
    }

    /** The trap that failed the VM, or null. */
    public WasmTrap getTrap() {
        Trap failed = model.vm().trap();
        if (failed != null && trap == null) {
            trap = new WasmTrap(failed);
        }
        return trap;
    }

    /** Whether a trap failed the VM. */
    public boolean isVmFailed() {
        return model.vm().isFailed();
    }

    /** Linear memory size in 64 KiB pages; -1 on the JVM. */
    public int getMemoryPages() {
        return model.vm().memoryPages();
    }
}
