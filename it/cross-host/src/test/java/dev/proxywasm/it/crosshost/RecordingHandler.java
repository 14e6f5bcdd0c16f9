package dev.proxywasm.it.crosshost;

import io.roastedroot.proxywasm.LogLevel;
import io.roastedroot.proxywasm.internal.ArrayProxyMap;
import io.roastedroot.proxywasm.internal.Handler;
import io.roastedroot.proxywasm.internal.ProxyMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The host side for proxy-wasm-java-host: holds the maps and configuration, records every log line. */
final class RecordingHandler implements Handler {
    final List<String> logs = new ArrayList<>();
    final List<LogLevel> levels = new ArrayList<>();
    ProxyMap requestHeaders = new ArrayProxyMap();
    ProxyMap responseHeaders = new ArrayProxyMap();
    byte[] pluginConfig;
    byte[] responseBody = new byte[0];
    final List<Integer> localReplyStatuses = new ArrayList<>();
    final List<String> localReplyDetails = new ArrayList<>();

    @Override
    public void log(LogLevel level, String message) {
        levels.add(level);
        logs.add(message);
    }

    @Override
    public LogLevel getLogLevel() {
        return LogLevel.TRACE;
    }

    @Override
    public byte[] getPluginConfig() {
        return pluginConfig;
    }

    @Override
    public ProxyMap getHttpRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public ProxyMap getHttpResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public byte[] getHttpResponseBody() {
        return responseBody;
    }

    @Override
    public io.roastedroot.proxywasm.internal.WasmResult setHttpResponseBody(byte[] body) {
        responseBody = body;
        return io.roastedroot.proxywasm.internal.WasmResult.OK;
    }

    @Override
    public io.roastedroot.proxywasm.internal.WasmResult sendHttpResponse(int status, byte[] details, byte[] body,
            ProxyMap headers, int grpcStatus) {
        localReplyStatuses.add(status);
        localReplyDetails.add(new String(details, StandardCharsets.UTF_8));
        return io.roastedroot.proxywasm.internal.WasmResult.OK;
    }

    void config(String json) {
        pluginConfig = json.getBytes(StandardCharsets.UTF_8);
    }

    long count(LogLevel level) {
        return levels.stream().filter(level::equals).count();
    }
}
