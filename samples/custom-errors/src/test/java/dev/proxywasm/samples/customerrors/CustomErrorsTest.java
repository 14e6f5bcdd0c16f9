package dev.proxywasm.samples.customerrors;

import static dev.proxywasm.samples.customerrors.Traffic.CONFIG;
import static dev.proxywasm.samples.customerrors.Traffic.request;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertJsonField;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.api.json.JsonNumber;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import dev.proxywasm.testing.SentLocalResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The behaviour docs/custom-errors.md specifies, rule by rule, on the JVM and in the compiled module. */
class CustomErrorsTest {
    private static final String RFC9110 = "https://datatracker.ietf.org/doc/html/rfc9110#section-";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static HostEmulator started(HostEmulator host, String config) {
        assertTrue(host.withPluginConfiguration(config).startPlugin(), () -> host.getAllLogs().toString());
        return host;
    }

    private static Map<String, Object> document(String type, String title, int status, String instance,
            String traceId, String detail) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", type);
        doc.put("title", title);
        doc.put("status", JsonNumber.of(Integer.toString(status)));
        doc.put("instance", instance);
        doc.put("trace_id", traceId);
        doc.put("detail", detail);
        return doc;
    }

    @Nested
    class TheSeedsOwnCases {
        @ProxyWasmTest
        void statusCodeIsPreserved(HostEmulator host) {
            Traffic t = request(started(host, CONFIG), "https://my-host.com/").respond(503, "text/plain", "down");

            assertHeader(t.responseHeaders(), ":status", "503");
        }

        @ProxyWasmTest
        void contentTypeIsSetAndContentLengthDropped(HostEmulator host) {
            Traffic t = request(started(host, CONFIG), "https://my-host.com/").respond(500, "text/html", "<h1>oops</h1>");

            assertHeader(t.responseHeaders(), "content-type", "application/problem+json");
            assertNoHeader(t.responseHeaders(), "content-length");
        }

        @ProxyWasmTest
        void badRequestWithTraceparent(HostEmulator host) {
            Traffic t = request(started(host, CONFIG), "https://my-host.com/orders", "traceparent", TRACEPARENT)
                    .respond(400, "text/plain", "missing field: name");

            assertEquals(document(RFC9110 + "15.5.1", "service mesh returned an error", 400, "/orders", TRACEPARENT,
                    "missing field: name"), t.document());
            assertEquals(List.of("type", "title", "status", "instance", "trace_id", "detail"),
                    List.copyOf(t.document().keySet()));
        }

        @ProxyWasmTest
        void unauthorizedWithRequestId(HostEmulator host) {
            Traffic t = request(started(host, CONFIG), "http://my-host.com/login", "x-request-id", "req-42")
                    .respond(401, "text/plain", "who are you?");

            assertEquals(document(RFC9110 + "15.5.2", "service mesh returned an error", 401, "/login", "req-42",
                    "who are you?"), t.document());
        }

        @ProxyWasmTest
        void forbiddenWithTheDefaultTraceId(HostEmulator host) {
            Traffic t = request(started(host, CONFIG), "https://my-host.com/admin").respond(403, "text/plain", "no");

            assertEquals(document(RFC9110 + "15.5.4", "service mesh returned an error", 403, "/admin",
                    "00-0aa0000000aa00aa0000aa000a00000a-a0aa0a0000000000-00", "no"), t.document());
        }

        @ProxyWasmTest
        void logsTheSelectionAndTheTransformation(HostEmulator host) {
            request(started(host, CONFIG), "https://my-host.com/").respond(502, "text/plain", "bad gateway");

            assertEquals(List.of("Response eligible for modification to rfc9457 format",
                    "Successfully transformed the response to rfc9457 format"), host.getInfoLogs());
        }
    }

    @Nested
    class Configuration {
        private void rejected(HostEmulator host, String config, String message) {
            assertFalse(host.withPluginConfiguration(config).startPlugin());
            assertEquals(List.of("plugin configuration rejected: " + message), host.getCriticalLogs());
        }

        @ProxyWasmTest
        void emptyConfiguration(HostEmulator host) {
            rejected(host, "", "$: missing required key \"targetURLPrefixes\"");
        }

        @ProxyWasmTest
        void malformedJson(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": [\"a\",]}",
                    "$.targetURLPrefixes[1]: expected a string, found ']'");
        }

        @ProxyWasmTest
        void notAnObject(HostEmulator host) {
            rejected(host, "[\"my-host.com\"]", "$: expected an object, found an array");
        }

        @ProxyWasmTest
        void missingPrefixes(HostEmulator host) {
            rejected(host, "{\"startStatusCode\": 500}", "$: missing required key \"targetURLPrefixes\"");
        }

        @ProxyWasmTest
        void emptyPrefixList(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": []}",
                    "$.targetURLPrefixes: expected a non-empty list, found an empty one");
        }

        @ProxyWasmTest
        void aPrefixThatIsNotAString(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": [\"a\", 7]}",
                    "$.targetURLPrefixes[1]: expected a string, found 7");
        }

        @ProxyWasmTest
        void aBlankPrefix(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": [\"a\", \" \"]}", "$: targetURLPrefixes[1] is blank");
        }

        @ProxyWasmTest
        void theBlogsReversedStatusRange(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"foo.bar.com\", \"startStatusCode\": 599, \"endStatusCode\": 400}",
                    "$: startStatusCode (599) is greater than endStatusCode (400)");
        }

        @ProxyWasmTest
        void aStatusOutsideTheErrorRange(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"startStatusCode\": 399}",
                    "$.startStatusCode: expected an integer from 400 to 599, found 399");
        }

        @ProxyWasmTest
        void aStatusThatIsNotANumber(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"endStatusCode\": \"five hundred\"}",
                    "$.endStatusCode: expected an integer from 400 to 599, found \"five hundred\"");
        }

        @ProxyWasmTest
        void aTypeMapKeyThatIsNotAStatus(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"problemTypeURIMap\": {\"4o4\": \"x\"}}",
                    "$: problemTypeURIMap key \"4o4\" is not a status code from 100 to 599");
        }

        @ProxyWasmTest
        void aTypeMapListEntryWithTwoKeys(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"problemTypeURIMap\": [{\"404\": \"x\", \"500\": \"y\"}]}",
                    "$.problemTypeURIMap[0]: expected an object with one key, found more");
        }

        @ProxyWasmTest
        void aNegativeDetailCap(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"maxDetailBytes\": -1}",
                    "$.maxDetailBytes: expected an integer from 0 to 2147483647, found -1");
        }

        @ProxyWasmTest
        void aTitleThatIsNotAString(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"problemTitle\": 5}",
                    "$.problemTitle: expected a string, found 5");
        }

        @ProxyWasmTest
        void deeplyNestedJsonIsRejectedWithoutOverflowingTheStack(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": " + "[".repeat(100_000),
                    "$.targetURLPrefixes[0]: expected a string, found an array");
        }

        @ProxyWasmTest
        void deeplyNestedUnknownKeysAreRejectedWithoutOverflowingTheStack(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"extra\": " + "[".repeat(100_000),
                    "$.extra" + "[0]".repeat(63) + ": nesting deeper than 64");
        }

        @ProxyWasmTest
        void numbersOutOfRange(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"startStatusCode\": 1e999}",
                    "$.startStatusCode: expected an integer from 400 to 599, found 1e999");
        }

        @ProxyWasmTest
        void numbersBeyondLong(HostEmulator host) {
            rejected(host, "{\"targetURLPrefixes\": \"a\", \"maxDetailBytes\": 99999999999999999999999}",
                    "$.maxDetailBytes: expected an integer from 0 to 2147483647, found 99999999999999999999999");
        }

        @ProxyWasmTest
        void aHugeConfigurationStartsTheSameAsASmallOne(HostEmulator host) {
            StringBuilder prefixes = new StringBuilder("{\"targetURLPrefixes\": [\"my-host.com\"");
            for (int i = 0; prefixes.length() < 1 << 20; i++) {
                prefixes.append(", \"host-").append(i).append(".example.com/some/long/path/prefix\"");
            }
            started(host, prefixes.append("]}").toString());

            assertTrue(request(host, "https://my-host.com/").respond(500, null, "x").body().startsWith("{"));
        }

        @ProxyWasmTest
        void unknownFieldsAreIgnoredWithAWarning(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": \"a\", \"targetUrlPrefixes\": \"typo\"}");

            assertEquals(List.of("plugin configuration: ignoring unknown key $.targetUrlPrefixes; known keys:"
                    + " targetURLPrefixes, startStatusCode, endStatusCode, problemTypeURIMap, problemTitle,"
                    + " maxDetailBytes"), host.getWarnLogs());
        }

        @ProxyWasmTest
        void numericStringsAreAcceptedForNumbers(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": \"my-host.com\", \"startStatusCode\": \"500\","
                    + " \"endStatusCode\": 503, \"maxDetailBytes\": \"3\"}");

            Traffic notFound = request(host, "https://my-host.com/").respond(404, "text/plain", "nope");
            Traffic unavailable = request(host, "https://my-host.com/").respond(503, "text/plain", "busy now");

            assertEquals("nope", notFound.body());
            assertJsonField(unavailable.body(), "detail", "bus");
        }

        @ProxyWasmTest
        void typeMapAsAnObjectOverridesTheBuiltInTable(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": \"my-host.com\", \"problemTitle\": \"oh no\","
                    + " \"problemTypeURIMap\": {\"404\": \"https://errors.example/not-found\"}}");

            Traffic t = request(host, "https://my-host.com/x").respond(404, "text/plain", "");

            assertJsonField(t.body(), "type", "https://errors.example/not-found");
            assertJsonField(t.body(), "title", "oh no");
        }

        @ProxyWasmTest
        void typeMapAsIstiosListOfSingleKeyObjects(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": [\"my-host.com\"], \"problemTypeURIMap\": ["
                    + "{\"400\": \"https://errors.example/400\"}, {\"503\": \"https://errors.example/503\"}]}");

            assertJsonField(request(host, "https://my-host.com/").respond(503, null, "x").body(), "type",
                    "https://errors.example/503");
            assertJsonField(request(host, "https://my-host.com/").respond(504, null, "x").body(), "type",
                    RFC9110 + "15.6.5");
            assertJsonField(request(host, "https://my-host.com/").respond(418, null, "x").body(), "type",
                    RFC9110 + "15.5");
            assertJsonField(request(host, "https://my-host.com/").respond(422, null, "x").body(), "type",
                    RFC9110 + "15.5.21");
            assertJsonField(request(host, "https://my-host.com/").respond(429, null, "x").body(), "type",
                    "https://datatracker.ietf.org/doc/html/rfc6585#section-4");
        }

        @ProxyWasmTest
        void everyBuiltInTypeAndTheSectionOfTheClassForOtherStatuses(HostEmulator host) {
            started(host, CONFIG);
            Map<Integer, String> types = new LinkedHashMap<>();
            String[] client = {"400 1", "401 2", "403 4", "404 5", "405 6", "406 7", "408 9", "409 10", "412 13",
                "415 16", "422 21", "426 22"};
            for (String entry : client) {
                types.put(Integer.parseInt(entry.substring(0, 3)), RFC9110 + "15.5." + entry.substring(4));
            }
            types.put(429, "https://datatracker.ietf.org/doc/html/rfc6585#section-4");
            for (String entry : new String[] {"500 1", "502 3", "503 4", "504 5"}) {
                types.put(Integer.parseInt(entry.substring(0, 3)), RFC9110 + "15.6." + entry.substring(4));
            }
            for (int status : new int[] {402, 407, 410, 499, 501, 505, 599}) {
                types.put(status, RFC9110 + (status < 500 ? "15.5" : "15.6"));
            }
            types.forEach((status, type) -> assertJsonField(
                    request(host, "https://my-host.com/").respond(status, null, "x").body(), "type", type));
        }
    }

    @Nested
    class StatusText {
        @ProxyWasmTest
        void readsDigitsAfterAnOptionalPlusWithSpacesAround(HostEmulator host) {
            started(host, CONFIG);
            for (String status : new String[] {"404", " 404 ", "+404", "0404", "000000000000404"}) {
                Traffic t = request(host, "https://my-host.com/x").respondWithStatusText(status, "gone");
                assertJsonField(t.body(), "status", JsonNumber.of("404"));
            }
        }

        @ProxyWasmTest
        void leavesAnythingElseAlone(HostEmulator host) {
            started(host, CONFIG);
            // 4294967700 is 404 plus 2^32: an int that overflowed would read it as 404.
            for (String status : new String[] {"", "+", "-404", "404x", "4 04", "40.4", "4294967700", "1404"}) {
                Traffic t = request(host, "https://my-host.com/x").respondWithStatusText(status, "gone");
                assertEquals("gone", t.body(), status);
            }
        }
    }

    @Nested
    class WhichRequests {
        private boolean rewritten(HostEmulator host, String url) {
            return request(host, url).respond(503, "text/plain", "x").body().startsWith("{");
        }

        @ProxyWasmTest
        void aHostPrefixMatchesOnBoundariesOnly(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": [\"foo.bar.com\"]}");

            assertTrue(rewritten(host, "https://foo.bar.com/x"));
            assertTrue(rewritten(host, "http://foo.bar.com:8080/"));
            assertTrue(rewritten(host, "https://FOO.Bar.com/x"));
            assertTrue(rewritten(host, "https://foo.bar.com?q=1"));
            assertFalse(rewritten(host, "https://foo.bar.com.evil.example/"));
            assertFalse(rewritten(host, "https://evil.example/foo.bar.com"));
            assertFalse(rewritten(host, "https://evil.example/?next=foo.bar.com"));
            assertFalse(rewritten(host, "https://xfoo.bar.com/"));
        }

        @ProxyWasmTest
        void aPrefixWithSchemeAndPath(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": [\"https://api.example.com/v1\", \"docs.example.com/guide/\"]}");

            assertTrue(rewritten(host, "https://api.example.com/v1"));
            assertTrue(rewritten(host, "HTTPS://API.example.com/v1/orders"));
            assertTrue(rewritten(host, "https://api.example.com/v1?x=1"));
            assertFalse(rewritten(host, "http://api.example.com/v1/orders"));
            assertFalse(rewritten(host, "https://api.example.com/v10"));
            assertFalse(rewritten(host, "https://api.example.com/V1"));
            assertTrue(rewritten(host, "http://docs.example.com/guide/intro"));
        }
    }

    @Nested
    class WhichResponses {
        private String answer(HostEmulator host, int status, String contentType, String... extraHeaders) {
            return request(host, "https://my-host.com/").respondBytes(status, contentType,
                    new byte[][] {"body".getBytes(StandardCharsets.UTF_8)}, extraHeaders).body();
        }

        @ProxyWasmTest
        void statusRangeEdges(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": \"my-host.com\", \"startStatusCode\": 404, \"endStatusCode\": 503}");

            assertEquals("body", answer(host, 403, "text/plain"));
            assertTrue(answer(host, 404, "text/plain").startsWith("{"));
            assertTrue(answer(host, 503, "text/plain").startsWith("{"));
            assertEquals("body", answer(host, 504, "text/plain"));
            assertEquals("body", answer(host, 200, "text/plain"));
        }

        @ProxyWasmTest
        void defaultRangeIsEveryError(HostEmulator host) {
            started(host, CONFIG);

            assertEquals("body", answer(host, 399, "text/plain"));
            assertTrue(answer(host, 400, "text/plain").startsWith("{"));
            assertTrue(answer(host, 599, "text/plain").startsWith("{"));
        }

        @ProxyWasmTest
        void anExistingProblemDocumentIsLeftAlone(HostEmulator host) {
            started(host, CONFIG);

            assertEquals("body", answer(host, 500, "application/problem+json; charset=utf-8"));
            assertEquals("body", answer(host, 500, "Application/Problem+JSON"));
            assertTrue(answer(host, 500, "application/json").startsWith("{\"type\""));
        }

        @ProxyWasmTest
        void grpcAndEncodedResponsesAreLeftAlone(HostEmulator host) {
            started(host, CONFIG);

            assertEquals("body", answer(host, 503, "application/grpc+proto"));
            assertEquals("body", answer(host, 503, "text/plain", "content-encoding", "gzip"));
            assertTrue(answer(host, 503, "text/plain", "content-encoding", "identity").startsWith("{"));
        }
    }

    @Nested
    class TheRewrite {
        @ProxyWasmTest
        void anErrorBodyThatTrailersEndIsRewrittenToo(HostEmulator host) {
            Traffic t = request(started(host, CONFIG), "https://my-host.com/orders")
                    .respondWithTrailers(502, "text/plain", "upstream gone", new Header("x-upstream", "eu-1"));

            assertHeader(t.responseHeaders(), "content-type", "application/problem+json");
            assertEquals(document(RFC9110 + "15.6.3", "service mesh returned an error", 502, "/orders",
                    "00-0aa0000000aa00aa0000aa000a00000a-a0aa0a0000000000-00", "upstream gone"), t.document());
        }


        @ProxyWasmTest
        void aHeadersOnlyResponseGetsTheDocumentAsALocalReply(HostEmulator host) {
            started(host, CONFIG);
            Traffic t = request(host, "https://my-host.com/missing?x=1", "x-request-id", "r1").respond(404, null);

            SentLocalResponse reply = assertLocalResponse(host, t.id(), 404);
            assertEquals("application/problem+json", reply.header("content-type"));
            assertEquals(document(RFC9110 + "15.5.5", "service mesh returned an error", 404, "/missing", "r1", ""),
                    dev.proxywasm.api.json.Json.parseObject(reply.text()));
            assertHeader(t.responseHeaders(), ":status", "404");
        }

        @ProxyWasmTest
        void aBodyInManyChunksIsRewrittenOnceComplete(HostEmulator host) {
            started(host, CONFIG);

            Traffic t = request(host, "https://my-host.com/").respond(500, "text/plain", "part one, ", "part two, ",
                    "part three");

            assertJsonField(t.body(), "detail", "part one, part two, part three");
        }

        @ProxyWasmTest
        void theDetailIsCutOnACharacterBoundary(HostEmulator host) {
            started(host, "{\"targetURLPrefixes\": \"my-host.com\", \"maxDetailBytes\": 5}");

            // a (1 byte) é (2) € (3): the euro sign would end at byte 6, so it goes.
            assertJsonField(request(host, "https://my-host.com/").respond(500, null, "aé€😀").body(), "detail", "aé");
            assertJsonField(request(host, "https://my-host.com/").respond(500, null, "ab😀").body(), "detail", "ab");
            assertJsonField(request(host, "https://my-host.com/").respond(500, null, "a😀").body(), "detail", "a😀");
        }

        @ProxyWasmTest
        void invalidUtf8BecomesReplacementCharacters(HostEmulator host) {
            started(host, CONFIG);

            Traffic t = request(host, "https://my-host.com/").respondBytes(500, null,
                    new byte[][] {{'o', 'k', (byte) 0xff, ' ', (byte) 0xc3}});

            assertJsonField(t.body(), "detail", "ok\uFFFD \uFFFD");
        }

        @ProxyWasmTest
        void quotesBackslashesAndControlCharactersStayValidJson(HostEmulator host) {
            started(host, CONFIG);
            String nasty = "say \"hi\" \\ path C:\\x\n\ttab\u0000nul\u001b[31m";

            Traffic t = request(host, "https://my-host.com/").respond(500, null, nasty);

            assertJsonField(t.body(), "detail", nasty);
        }

        @ProxyWasmTest
        void theQueryStringIsNotPartOfTheInstance(HostEmulator host) {
            started(host, CONFIG);

            Traffic t = request(host, "https://my-host.com/search?token=secret&q=1").respond(500, null, "x");

            assertJsonField(t.body(), "instance", "/search");
        }

        @ProxyWasmTest
        void traceIdPrecedence(HostEmulator host) {
            started(host, CONFIG);

            assertJsonField(request(host, "https://my-host.com/", "traceparent", "tp", "x-request-id", "rid")
                    .respond(500, null, "x").body(), "trace_id", "tp");
            assertJsonField(request(host, "https://my-host.com/", "traceparent", "", "x-request-id", "rid")
                    .respond(500, null, "x").body(), "trace_id", "rid");
            assertJsonField(request(host, "https://my-host.com/", "x-request-id", "")
                    .respond(500, null, "x").body(), "trace_id", "00-0aa0000000aa00aa0000aa000a00000a-a0aa0a0000000000-00");
        }

        @ProxyWasmTest
        void successfulAndUntargetedResponsesPassUntouched(HostEmulator host) {
            started(host, CONFIG);

            Traffic ok = request(host, "https://my-host.com/").respond(200, "text/plain", "fine");
            Traffic other = request(host, "https://other.com/").respond(500, "text/plain", "other");

            assertEquals("fine", ok.body());
            assertEquals(List.of(new Header(":status", "500"), new Header("content-type", "text/plain"),
                    new Header("content-length", "5")), other.responseHeaders());
            assertEquals("other", other.body());
            assertTrue(host.getInfoLogs().isEmpty());
        }
    }
}
