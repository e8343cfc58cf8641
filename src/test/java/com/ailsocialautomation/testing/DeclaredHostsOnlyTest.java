package com.ailsocialautomation.testing;

import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.DirectApiClient;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite-wide runtime check of outbound hosts sees real clients' connections, and only undeclared ones fail. */
class DeclaredHostsOnlyTest {
    private final DirectApiClient http = new DirectApiClient(Duration.ofSeconds(3));

    @Test
    void aPlatformClientReachingAnUndeclaredHostIsSeenEvenWhenItsFailureIsSwallowed() {
        try {
            http.send(ApiRequest.get("https://api.undeclared-cdn.io/v1/telemetry"));
        } catch (RuntimeException swallowed) {
            // no DNS here: the lookup itself is what the check sees
        }
        List<String> seen = DeclaredHostsOnly.drain();
        assertTrue(seen.contains("api.undeclared-cdn.io (lookup)"), seen.toString());
    }

    @Test
    void theLoopbackFakesAndDeclaredPlatformHostsAreAllowed() throws Exception {
        try (FakeX x = FakeX.start()) {
            http.send(ApiRequest.get(x.url() + "/2/users/me"));
        }
        InetAddress.getAllByName("localhost");
        assertEquals(List.of(), DeclaredHostsOnly.drain());
        StackTraceElement[] testCode = new Throwable().getStackTrace();
        assertTrue(DeclaredHostsOnly.allowed("api.x.com", testCode));
        assertTrue(DeclaredHostsOnly.allowed("hooks.slack.com", testCode));
        assertTrue(DeclaredHostsOnly.allowed("files.slack.com", testCode));
        assertFalse(DeclaredHostsOnly.allowed("www.example.com", testCode), "an example in help texts is never called");
        assertFalse(DeclaredHostsOnly.allowed("x.com", testCode), "a consent page the browser opens is never called by the server");
        assertFalse(DeclaredHostsOnly.allowed("mastodon.social", testCode), "a chosen host only through net.UrlGuard");
        assertFalse(DeclaredHostsOnly.allowed("10.0.0.7", testCode));
    }
}
