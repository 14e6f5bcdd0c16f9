package dev.proxywasm.teavm.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** What a push says when it fails, and which registries may answer over plain HTTP unasked. */
class OciPublisherTest {
    @Test
    void onlyThisMachinesRegistriesMayAnswerOverPlainHttpUnasked() {
        assertTrue(OciPublisher.isLoopback("localhost:5000"));
        assertTrue(OciPublisher.isLoopback("127.0.0.1:5000"));
        assertTrue(OciPublisher.isLoopback("[::1]:5000"));
        assertFalse(OciPublisher.isLoopback("registry.example.com"));
        assertFalse(OciPublisher.isLoopback("10.0.0.5:5000"));
        assertFalse(OciPublisher.isLoopback("localhost.evil.example"));
    }

    @Test
    void aPlainHttpRegistryNamesTheFlag() {
        Exception failure = new IOException("push failed", new SSLHandshakeException("Unsupported or unrecognized SSL message"));

        assertEquals("registry.internal:5000 did not answer over trusted HTTPS (a plain-HTTP registry, or a"
                + " self-signed certificate); if that is expected, push with -Dproxywasm.allowInsecureRegistries=true",
                OciPublisher.explain(failure, "registry.internal:5000"));
    }

    @Test
    void anUnknownOrSilentRegistrySaysSo() {
        assertEquals("no host named nowhere.example is known here; check the image name",
                OciPublisher.explain(new IOException(new UnknownHostException("nowhere.example")), "nowhere.example"));
        assertTrue(OciPublisher.explain(new ConnectException("Connection refused"), "127.0.0.1:1")
                .startsWith("nothing answers at 127.0.0.1:1"));
    }
}
