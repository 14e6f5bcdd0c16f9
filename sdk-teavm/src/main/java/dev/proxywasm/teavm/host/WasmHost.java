package dev.proxywasm.teavm.host;

import static dev.proxywasm.runtime.HostCallException.check;
import static dev.proxywasm.teavm.memory.GuestMemory.address;
import static dev.proxywasm.teavm.memory.GuestMemory.take;

import dev.proxywasm.abi.HostFunction.Names;
import dev.proxywasm.runtime.Host;
import dev.proxywasm.runtime.HostBinding;
import dev.proxywasm.abi.AbiCodes;
import dev.proxywasm.runtime.AsyncExports;
import dev.proxywasm.runtime.GrpcExports;
import dev.proxywasm.teavm.imports.ProxyImports;
import dev.proxywasm.teavm.memory.GuestMemory;
import dev.proxywasm.teavm.memory.TextBuffer;

/**
 * {@link Host} over the real {@code env} imports: each method passes its arrays' addresses, reads
 * the out-parameters from a local {@code int[]} and takes host-allocated results back through
 * {@link dev.proxywasm.teavm.memory.GuestMemory}.
 */
public final class WasmHost implements Host {
    private static final WasmHost INSTANCE = new WasmHost();
    private static final byte[] EMPTY = new byte[0];

    private WasmHost() {}

    /** Binds the real host unless another one (the test emulator on the JVM) is bound already. */
    public static void bindIfUnbound() {
        if (!HostBinding.isBound()) {
            HostBinding.bind(INSTANCE);
        }
    }

    private static byte[] orEmpty(byte[] data) {
        return data == null ? EMPTY : data;
    }

    /**
     * The data a host call that began at {@code mark} returned at {@code out[at]} (address) and
     * {@code out[at + 1]} (size): the array when it succeeded, null for {@code NotFound} or
     * {@code Empty}; a {@link dev.proxywasm.runtime.HostCallException} for any other status. Whatever
     * the outcome, every other array the host got from the allocator during the call is released: a
     * call that failed after allocating reports no address, and would otherwise keep its array
     * forever.
     */
    private static byte[] result(String function, int status, int[] out, int at, int mark) {
        try {
            return check(function, status) ? take(out[at], out[at + 1]) : null;
        } finally {
            GuestMemory.release(mark);
        }
    }

    @Override
    public void log(int level, byte[] message) {
        check(Names.PROXY_LOG, ProxyImports.log(level, address(message), message.length));
    }

    @Override
    public void log(int level, String message) {
        int length = TextBuffer.put(0, message);
        byte[] text = TextBuffer.bytes();
        check(Names.PROXY_LOG, ProxyImports.log(level, address(text), length));
    }

    @Override
    public void log(int level, String[] parts) {
        int length = 0;
        for (String part : parts) {
            length = TextBuffer.put(length, part == null ? "null" : part);
        }
        byte[] text = TextBuffer.bytes();
        check(Names.PROXY_LOG, ProxyImports.log(level, address(text), length));
    }

    @Override
    public int getLogLevel() {
        int[] out = new int[1];
        check(Names.PROXY_GET_LOG_LEVEL, ProxyImports.getLogLevel(address(out)));
        return out[0];
    }

    @Override
    public long getCurrentTimeNanoseconds() {
        long[] out = new long[1];
        check(Names.PROXY_GET_CURRENT_TIME_NANOSECONDS, ProxyImports.getCurrentTimeNanoseconds(address(out)));
        return out[0];
    }

    @Override
    public void setTickPeriodMilliseconds(int milliseconds) {
        check(Names.PROXY_SET_TICK_PERIOD_MILLISECONDS, ProxyImports.setTickPeriodMilliseconds(milliseconds));
    }

    @Override
    public void setEffectiveContext(int contextId) {
        check(Names.PROXY_SET_EFFECTIVE_CONTEXT, ProxyImports.setEffectiveContext(contextId));
    }

    @Override
    public void done() {
        check(Names.PROXY_DONE, ProxyImports.done());
    }

    @Override
    public byte[] callForeignFunction(byte[] name, byte[] arguments) {
        byte[] args = orEmpty(arguments);
        int[] out = new int[2];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.callForeignFunction(address(name), name.length, address(args), args.length, a, a + 4);
        return result(Names.PROXY_CALL_FOREIGN_FUNCTION, status, out, 0, mark);
    }

    @Override
    public byte[] getProperty(byte[] path) {
        int[] out = new int[2];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.getProperty(address(path), path.length, a, a + 4);
        return result(Names.PROXY_GET_PROPERTY, status, out, 0, mark);
    }

    @Override
    public void setProperty(byte[] path, byte[] value) {
        check(Names.PROXY_SET_PROPERTY,
                ProxyImports.setProperty(address(path), path.length, address(value), value.length));
    }

    @Override
    public byte[] getBufferBytes(int bufferType, int start, int maxSize) {
        int[] out = new int[2];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.getBufferBytes(bufferType, start, maxSize, a, a + 4);
        return result(Names.PROXY_GET_BUFFER_BYTES, status, out, 0, mark);
    }

    @Override
    public int getBufferSize(int bufferType) {
        int[] out = new int[2];
        int a = address(out);
        return check(Names.PROXY_GET_BUFFER_STATUS, ProxyImports.getBufferStatus(bufferType, a, a + 4)) ? out[0] : -1;
    }

    @Override
    public void setBufferBytes(int bufferType, int start, int size, byte[] data) {
        check(Names.PROXY_SET_BUFFER_BYTES,
                ProxyImports.setBufferBytes(bufferType, start, size, address(data), data.length));
    }

    @Override
    public byte[] getHeaderMapPairs(int mapType) {
        int[] out = new int[2];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.getHeaderMapPairs(mapType, a, a + 4);
        return result(Names.PROXY_GET_HEADER_MAP_PAIRS, status, out, 0, mark);
    }

    @Override
    public void setHeaderMapPairs(int mapType, byte[] pairs) {
        check(Names.PROXY_SET_HEADER_MAP_PAIRS, ProxyImports.setHeaderMapPairs(mapType, address(pairs), pairs.length));
    }

    @Override
    public byte[] getHeaderMapValue(int mapType, byte[] key) {
        return headerMapValue(mapType, key, key.length);
    }

    /**
     * {@code proxy_get_header_map_value} of the first {@code keyLength} bytes of {@code key}. The
     * key's address is taken after the out-parameters are allocated: that allocation may move it.
     */
    private static byte[] headerMapValue(int mapType, byte[] key, int keyLength) {
        int[] out = new int[2];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.getHeaderMapValue(mapType, address(key), keyLength, a, a + 4);
        return result(Names.PROXY_GET_HEADER_MAP_VALUE, status, out, 0, mark);
    }

    @Override
    public void addHeaderMapValue(int mapType, byte[] key, byte[] value) {
        check(Names.PROXY_ADD_HEADER_MAP_VALUE,
                ProxyImports.addHeaderMapValue(mapType, address(key), key.length, address(value), value.length));
    }

    @Override
    public void replaceHeaderMapValue(int mapType, byte[] key, byte[] value) {
        check(Names.PROXY_REPLACE_HEADER_MAP_VALUE,
                ProxyImports.replaceHeaderMapValue(mapType, address(key), key.length, address(value), value.length));
    }

    @Override
    public void removeHeaderMapValue(int mapType, byte[] key) {
        check(Names.PROXY_REMOVE_HEADER_MAP_VALUE,
                ProxyImports.removeHeaderMapValue(mapType, address(key), key.length));
    }

    @Override
    public byte[] getHeaderMapValue(int mapType, String key) {
        int keyLength = TextBuffer.put(0, key);
        return headerMapValue(mapType, TextBuffer.bytes(), keyLength);
    }

    @Override
    public void addHeaderMapValue(int mapType, String key, String value) {
        int keyEnd = TextBuffer.put(0, key);
        int valueEnd = TextBuffer.put(keyEnd, value);
        int at = address(TextBuffer.bytes());
        check(Names.PROXY_ADD_HEADER_MAP_VALUE,
                ProxyImports.addHeaderMapValue(mapType, at, keyEnd, at + keyEnd, valueEnd - keyEnd));
    }

    @Override
    public void replaceHeaderMapValue(int mapType, String key, String value) {
        int keyEnd = TextBuffer.put(0, key);
        int valueEnd = TextBuffer.put(keyEnd, value);
        int at = address(TextBuffer.bytes());
        check(Names.PROXY_REPLACE_HEADER_MAP_VALUE,
                ProxyImports.replaceHeaderMapValue(mapType, at, keyEnd, at + keyEnd, valueEnd - keyEnd));
    }

    @Override
    public void removeHeaderMapValue(int mapType, String key) {
        int keyLength = TextBuffer.put(0, key);
        check(Names.PROXY_REMOVE_HEADER_MAP_VALUE,
                ProxyImports.removeHeaderMapValue(mapType, address(TextBuffer.bytes()), keyLength));
    }

    @Override
    public int getHeaderMapSize(int mapType) {
        int[] out = new int[1];
        check(Names.PROXY_GET_HEADER_MAP_SIZE, ProxyImports.getHeaderMapSize(mapType, address(out)));
        return out[0];
    }

    @Override
    public void continueStream(int streamType) {
        check(Names.PROXY_CONTINUE_STREAM, ProxyImports.continueStream(streamType));
    }

    @Override
    public void closeStream(int streamType) {
        check(Names.PROXY_CLOSE_STREAM, ProxyImports.closeStream(streamType));
    }

    @Override
    public void sendLocalResponse(int statusCode, byte[] details, byte[] body, byte[] headerPairs, int grpcStatus) {
        check(Names.PROXY_SEND_LOCAL_RESPONSE, ProxyImports.sendLocalResponse(statusCode,
                address(details), details.length, address(body), body.length,
                address(headerPairs), headerPairs.length, grpcStatus));
    }

    @Override
    public Status getStatus() {
        int[] out = new int[3];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.getStatus(a, a + 4, a + 8);
        byte[] message = result(Names.PROXY_GET_STATUS, status, out, 1, mark);
        return message == null ? null : new Status(out[0], message);
    }

    @Override
    public int httpCall(byte[] upstream, byte[] headerPairs, byte[] body, byte[] trailerPairs, int timeoutMilliseconds) {
        AsyncExports.link();
        byte[] b = orEmpty(body);
        byte[] t = orEmpty(trailerPairs);
        int[] out = new int[1];
        check(Names.PROXY_HTTP_CALL, ProxyImports.httpCall(address(upstream), upstream.length,
                address(headerPairs), headerPairs.length, address(b), b.length, address(t), t.length,
                timeoutMilliseconds, address(out)));
        return out[0];
    }

    @Override
    public int grpcCall(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs,
            byte[] message, int timeoutMilliseconds) {
        GrpcExports.link();
        byte[] md = orEmpty(initialMetadataPairs);
        byte[] msg = orEmpty(message);
        int[] out = new int[1];
        check(Names.PROXY_GRPC_CALL, ProxyImports.grpcCall(address(service), service.length,
                address(serviceName), serviceName.length, address(method), method.length,
                address(md), md.length, address(msg), msg.length, timeoutMilliseconds, address(out)));
        return out[0];
    }

    @Override
    public int grpcStream(byte[] service, byte[] serviceName, byte[] method, byte[] initialMetadataPairs) {
        GrpcExports.link();
        byte[] md = orEmpty(initialMetadataPairs);
        int[] out = new int[1];
        check(Names.PROXY_GRPC_STREAM, ProxyImports.grpcStream(address(service), service.length,
                address(serviceName), serviceName.length, address(method), method.length,
                address(md), md.length, address(out)));
        return out[0];
    }

    @Override
    public void grpcSend(int token, byte[] message, boolean endOfStream) {
        byte[] msg = orEmpty(message);
        check(Names.PROXY_GRPC_SEND, ProxyImports.grpcSend(token, address(msg), msg.length, endOfStream ? 1 : 0));
    }

    @Override
    public void grpcCancel(int token) {
        check(Names.PROXY_GRPC_CANCEL, ProxyImports.grpcCancel(token));
    }

    @Override
    public void grpcClose(int token) {
        check(Names.PROXY_GRPC_CLOSE, ProxyImports.grpcClose(token));
    }

    @Override
    public SharedValue getSharedData(byte[] key) {
        int[] out = new int[3];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.getSharedData(address(key), key.length, a, a + 4, a + 8);
        byte[] value = result(Names.PROXY_GET_SHARED_DATA, status, out, 0, mark);
        return value == null ? null : new SharedValue(value, out[2]);
    }

    @Override
    public boolean setSharedData(byte[] key, byte[] value, int cas) {
        byte[] v = orEmpty(value);
        int status = ProxyImports.setSharedData(address(key), key.length, address(v), v.length, cas);
        if (status == AbiCodes.RESULT_CAS_MISMATCH) {
            return false;
        }
        check(Names.PROXY_SET_SHARED_DATA, status);
        return true;
    }

    @Override
    public int registerSharedQueue(byte[] name) {
        int[] out = new int[1];
        check(Names.PROXY_REGISTER_SHARED_QUEUE,
                ProxyImports.registerSharedQueue(address(name), name.length, address(out)));
        return out[0];
    }

    @Override
    public int resolveSharedQueue(byte[] vmId, byte[] name) {
        int[] out = new int[1];
        int status = ProxyImports.resolveSharedQueue(address(vmId), vmId.length, address(name), name.length, address(out));
        return check(Names.PROXY_RESOLVE_SHARED_QUEUE, status) ? out[0] : -1;
    }

    @Override
    public void enqueueSharedQueue(int queueId, byte[] data) {
        check(Names.PROXY_ENQUEUE_SHARED_QUEUE, ProxyImports.enqueueSharedQueue(queueId, address(data), data.length));
    }

    @Override
    public byte[] dequeueSharedQueue(int queueId) {
        int[] out = new int[2];
        int a = address(out);
        int mark = GuestMemory.mark();
        int status = ProxyImports.dequeueSharedQueue(queueId, a, a + 4);
        return result(Names.PROXY_DEQUEUE_SHARED_QUEUE, status, out, 0, mark);
    }

    @Override
    public int defineMetric(int metricType, byte[] name) {
        int[] out = new int[1];
        check(Names.PROXY_DEFINE_METRIC,
                ProxyImports.defineMetric(metricType, address(name), name.length, address(out)));
        return out[0];
    }

    @Override
    public void incrementMetric(int metricId, long offset) {
        check(Names.PROXY_INCREMENT_METRIC, ProxyImports.incrementMetric(metricId, offset));
    }

    @Override
    public void recordMetric(int metricId, long value) {
        check(Names.PROXY_RECORD_METRIC, ProxyImports.recordMetric(metricId, value));
    }

    @Override
    public long getMetric(int metricId) {
        long[] out = new long[1];
        check(Names.PROXY_GET_METRIC, ProxyImports.getMetric(metricId, address(out)));
        return out[0];
    }
}
