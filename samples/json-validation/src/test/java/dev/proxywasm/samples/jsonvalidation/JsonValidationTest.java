package dev.proxywasm.samples.jsonvalidation;

import static dev.proxywasm.testing.ProxyWasmAssertions.assertHeader;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertLocalResponse;
import static dev.proxywasm.testing.ProxyWasmAssertions.assertNoLocalResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proxywasm.api.Header;
import dev.proxywasm.testing.HostEmulator;
import dev.proxywasm.testing.ProxyWasmTest;
import java.util.List;

class JsonValidationTest {
    private static int post(HostEmulator host, String contentType, String body) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":method", "POST"), new Header("content-type", contentType)),
                false);
        if (host.getSentLocalResponse(id) == null) {
            host.callOnRequestBody(id, body, true);
        }
        return id;
    }

    @ProxyWasmTest
    void aValidObjectPasses(HostEmulator host) {
        assertNoLocalResponse(host, post(host, "application/json", "{\"id\": 1, \"token\": \"t\"}"));
    }

    @ProxyWasmTest
    void malformedJsonIsABadRequest(HostEmulator host) {
        int id = post(host, "application/json", "{\"id\": 1,");
        assertEquals("invalid JSON: expected a member name at position 9\n", assertLocalResponse(host, id, 400).text());
    }

    @ProxyWasmTest
    void aMissingFieldIsABadRequest(HostEmulator host) {
        int id = post(host, "application/json", "{\"id\": 1}");
        assertEquals("missing field: token\n", assertLocalResponse(host, id, 400).text());
    }

    @ProxyWasmTest
    void otherContentTypesAreForbidden(HostEmulator host) {
        assertLocalResponse(host, post(host, "text/plain", "hi"), 403);
    }

    @ProxyWasmTest
    void aMalformedBodyThatTrailersEndIsStillRefused(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        host.callOnRequestHeaders(id, List.of(new Header(":method", "POST"),
                new Header("content-type", "application/json")), false);
        host.callOnRequestBody(id, "{\"id\": ", false);
        host.callOnRequestBody(id, "1,", false);

        host.callOnRequestTrailers(id, List.of(new Header("x-checksum", "abc")));

        assertEquals("invalid JSON: expected a member name at position 9\n",
                assertLocalResponse(host, id, 400).text());
    }

    @ProxyWasmTest
    void aValidBodyThatTrailersEndPassesWithItsLength(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();
        String body = "{\"id\": 1, \"token\": \"t\"}";
        host.callOnRequestHeaders(id, List.of(new Header(":method", "POST"),
                new Header("content-type", "application/json"),
                new Header("content-length", Integer.toString(body.length()))), false);
        host.callOnRequestBody(id, body, false);

        host.callOnRequestTrailers(id, List.of(new Header("x-checksum", "abc")));

        assertNoLocalResponse(host, id);
        assertEquals(body, new String(host.getCurrentRequestBody(id), java.nio.charset.StandardCharsets.UTF_8));
        assertHeader(host.getCurrentRequestHeaders(id), "content-length", Integer.toString(body.length()));
    }

    @ProxyWasmTest
    void aJsonRequestWithoutABodyIsABadRequest(HostEmulator host) {
        assertTrue(host.startPlugin());
        int id = host.initializeHttpContext();

        host.callOnRequestHeaders(id, List.of(new Header(":method", "POST"),
                new Header("content-type", "application/json")), true);

        assertEquals("missing body\n", assertLocalResponse(host, id, 400).text());
    }
}
