package dev.proxywasm.testing;

import dev.proxywasm.emulator.HeaderMap;

import dev.proxywasm.api.Header;
import dev.proxywasm.api.json.Json;
import dev.proxywasm.api.json.JsonNumber;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/** Assertions for what plugin tests check most: headers, local replies, JSON bodies, logs. */
public final class ProxyWasmAssertions {
    private ProxyWasmAssertions() {}

    /** {@code name} is present with the first value {@code expected}. */
    public static void assertHeader(List<Header> headers, String name, String expected) {
        String actual = HeaderMap.of(headers).get(name);
        if (!Objects.equals(expected, actual)) {
            throw new AssertionFailedError("header " + name + (actual == null ? " is absent" : " is \"" + actual + "\"")
                    + ", expected \"" + expected + "\"; headers: " + headers, expected, actual);
        }
    }

    /** {@code name} is not present. */
    public static void assertNoHeader(List<Header> headers, String name) {
        String actual = HeaderMap.of(headers).get(name);
        if (actual != null) {
            throw new AssertionFailedError("header " + name + " is \"" + actual + "\", expected it absent; headers: "
                    + headers);
        }
    }

    /** A local reply was sent with {@code status}; returns it for further checks. */
    public static SentLocalResponse assertLocalResponse(HostEmulator host, int streamId, int status) {
        SentLocalResponse reply = host.getSentLocalResponse(streamId);
        if (reply == null) {
            throw new AssertionFailedError("stream " + streamId + " got no local response, expected status " + status);
        }
        if (reply.status() != status) {
            throw new AssertionFailedError("local response status is " + reply.status() + ", expected " + status,
                    status, reply.status());
        }
        return reply;
    }

    /** No local reply was sent. */
    public static void assertNoLocalResponse(HostEmulator host, int streamId) {
        SentLocalResponse reply = host.getSentLocalResponse(streamId);
        if (reply != null) {
            throw new AssertionFailedError("stream " + streamId + " got a local response " + reply.status() + ": "
                    + reply.text());
        }
    }

    /**
     * The JSON object {@code json} has member {@code field} equal to {@code expected} (a String,
     * Boolean, Integer, Long, Double, or {@link Json#NULL}); returns the parsed object.
     */
    public static Map<String, Object> assertJsonField(String json, String field, Object expected) {
        Map<String, Object> object = Json.parseObject(json);
        if (!object.containsKey(field)) {
            throw new AssertionFailedError("JSON has no member \"" + field + "\": " + json);
        }
        Object actual = object.get(field);
        if (!sameValue(expected, actual)) {
            throw new AssertionFailedError("JSON member \"" + field + "\" is " + actual + ", expected " + expected
                    + ": " + json, expected, actual);
        }
        return object;
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (actual instanceof JsonNumber number && expected instanceof Number wanted) {
            return expected instanceof Double || expected instanceof Float
                    ? number.doubleValue() == wanted.doubleValue()
                    : number.isLong() && number.longValue() == wanted.longValue();
        }
        return Objects.equals(expected, actual);
    }

    /** Some line of {@code logs} contains {@code text}. */
    public static void assertLogContains(List<String> logs, String text) {
        for (String line : logs) {
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionFailedError("no log line contains \"" + text + "\"; logs: " + logs);
    }

    /**
     * Asserts that the plugin logged exactly one error line and that it starts with
     * {@code failureLine}: the SDK's line for a callback that threw, which names the callback, the
     * plugin method, the exception and what happened to the stream. On the JVM the line goes on
     * with the exception's stack, which the compiled module cannot know.
     */
    public static void assertFailureLogged(HostEmulator host, String failureLine) {
        List<String> errors = host.getErrorLogs();
        if (errors.size() != 1) {
            throw new AssertionFailedError("expected one failure line \"" + failureLine + "\"; error logs: " + errors);
        }
        String line = errors.get(0);
        int end = line.indexOf('\n');
        String first = end < 0 ? line : line.substring(0, end);
        if (!first.equals(failureLine)) {
            throw new AssertionFailedError("wrong failure line", failureLine, first);
        }
        if (host.mode() == Mode.JVM && end < 0) {
            throw new AssertionFailedError("on the JVM the failure line carries the stack: " + line);
        }
    }
}
