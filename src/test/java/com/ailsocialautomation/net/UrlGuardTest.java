package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlGuardTest {
    private static final String PUBLIC_V4 = "93.184.215.14";
    private static final String PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c";

    private final FakeDns dns = new FakeDns().with("example.com", PUBLIC_V4, PUBLIC_V6);
    private final UrlGuard guard = new UrlGuard(false, dns);

    @Test
    void aPublicHttpsUrlPassesWithEveryAddressItResolvedTo() {
        VettedUrl url = guard.check("https://example.com/hook?token=abc");
        assertEquals("example.com", url.host());
        assertEquals(443, url.port());
        assertEquals(FakeDns.parse(PUBLIC_V4, PUBLIC_V6), url.addresses());
        assertFalse(url.toString().contains("token"), "toString hides path and query");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/", "ftp://example.com/", "file:///etc/passwd", "gopher://example.com/",
            "//example.com/", "example.com/a.png", "javascript:alert(1)"})
    void onlyHttpsIsAccepted(String url) {
        assertRejected(url, "https://");
        assertTrue(dns.lookups.isEmpty(), "rejected before any lookup");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:hunter2@example.com/", "https://hunter2@example.com/", "https://@example.com/",
            "https://user:hunter2@exa_mple.com/"})
    void userInfoIsRejectedWithoutRepeatingIt(String url) {
        UserError error = assertRejected(url, "user name or password");
        assertFalse(error.getMessage().contains("hunter2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "::1",
            "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "fe80::1",
            "0.0.0.0", "0.1.2.3", "::",
            "100.64.0.1", "100.127.255.255",
            "fc00::1", "fd12:3456::1",
            "224.0.0.1", "239.255.255.250", "ff02::1", "ff0e::1",
            "255.255.255.255", "192.0.0.8", "198.18.0.1", "198.19.255.255", "240.0.0.1",
            "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.5", "::ffff:169.254.169.254", "::127.0.0.1",
            "64:ff9b::a00:5", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:a00:5::1", "2002:7f00:1::1",
            "fec0::1", "2001:db8::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "100::1"})
    void everyNonPublicRangeIsRejected(String address) {
        UrlGuard guard = new UrlGuard(false, new FakeDns().with("target.test", address));
        UserError error = assertThrows(UserError.class, () -> guard.check("https://target.test/"));
        assertTrue(error.getMessage().startsWith("That URL points to a "), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
            "192.169.0.0", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void addressesNextToTheBlockedRangesPass(String address) {
        new UrlGuard(false, new FakeDns().with("target.test", address)).check("https://target.test/");
    }

    @Test
    void onePrivateAddressAmongPublicOnesRejectsTheUrl() {
        UrlGuard guard = new UrlGuard(false, new FakeDns().with("mixed.test", PUBLIC_V4, "10.0.0.5", PUBLIC_V6));
        UserError error = assertRejected(guard, "https://mixed.test/x", "private network address (10.0.0.5)");
        assertEquals("That URL points to a private network address (10.0.0.5); use a public https URL.",
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://0x7f000001/", "https://0x7f.1/", "https://017700000001/",
            "https://127.1/", "https://0177.0.0.1/", "https://[::ffff:7f00:1]/", "https://[::1]/", "https://0/"})
    void integerAndShortFormsOfLoopbackDoNotSlipThrough(String url) {
        // the JVM resolver turns each form into an address (or fails), then the address is what gets checked;
        // a form it reads differently (0177.0.0.1 as 177.0.0.1) is still checked as the address we would use
        UrlGuard real = new UrlGuard(false, host -> {
            List<InetAddress> addresses = Resolver.system().resolve(host);
            assertTrue(addresses.stream().allMatch(a -> a.isLoopbackAddress() || a.isAnyLocalAddress()
                    || a.getHostAddress().equals("177.0.0.1")), "no lookup leaves the machine for " + host);
            return addresses;
        });
        try {
            VettedUrl vetted = real.check(url);
            assertEquals(List.of(FakeDns.literal("177.0.0.1")), vetted.addresses(), url);
        } catch (UserError expected) {
            assertFalse(expected.getMessage().isBlank());
        }
    }

    @Test
    void insecureLoopbackLetsHttpToLoopbackThroughAndNothingElse() {
        FakeDns local = new FakeDns().with("localhost", "127.0.0.1", "::1").with("::1", "::1").with("lan.test", "192.168.1.10")
                .with("meta.test", "169.254.169.254").with("public.test", PUBLIC_V4).with("both.test", "127.0.0.1", "10.1.1.1");
        UrlGuard insecure = new UrlGuard(true, local);
        assertEquals(8080, insecure.check("http://localhost:8080/x").port());
        insecure.check("https://localhost/");
        insecure.check("http://[::1]:9/");
        assertRejected(insecure, "http://lan.test/", "private network address (192.168.1.10)");
        assertRejected(insecure, "https://meta.test/", "link-local address (169.254.169.254)");
        assertRejected(insecure, "https://both.test/", "private network address (10.1.1.1)");
        assertRejected(insecure, "http://public.test/", "https://");
        insecure.check("https://public.test/");
        assertRejected(insecure, "ftp://localhost/", "https://");
        assertRejected(new UrlGuard(false, local), "https://localhost/", "loopback address (127.0.0.1)");
    }

    @Test
    void onlyTheHttpsPorts443And8443AreReachableUnlessLoopbackIsOpenedForTests() {
        FakeDns dns = new FakeDns().with("example.com", PUBLIC_V4);
        UrlGuard guard = new UrlGuard(false, dns);
        assertEquals(443, guard.check("https://example.com/").port());
        assertEquals(443, guard.check("https://example.com:443/").port());
        assertEquals(8443, guard.check("https://example.com:8443/hook").port());
        for (String port : List.of("22", "25", "80", "3306", "5432", "6379", "8080", "9200")) {
            assertRejected(guard, "https://example.com:" + port + "/secret-path",
                    "That URL uses port " + port + "; AIL only connects to the https ports 443 and 8443. Use the address without a port, or with :443.");
        }
        assertEquals(9200, new UrlGuard(true, dns).check("https://example.com:9200/").port());
    }

    @Test
    void aMachineThatCannotResolveAnyNameIsToldSoNotToCheckTheSpelling() {
        UrlGuard offline = new UrlGuard(false, new FakeDns());
        UserError e = assertThrows(UnreachableUrl.class, () -> offline.check("https://hooks.example.org/secret"));
        assertTrue(e.getMessage().startsWith("Could not reach hooks.example.org: this machine cannot look up any host name"),
                e.getMessage());
        assertTrue(e.getMessage().contains("no network or no DNS"), e.getMessage());
        assertFalse(e.getMessage().contains("spelling") || e.getMessage().contains("secret"), e.getMessage());

        dns.lookups.clear();
        assertRejected("https://nowhere.test/", "check the spelling");
        assertEquals(List.of("nowhere.test", UrlGuard.PROBE_HOST), dns.lookups, "the probe runs only after a failure");
        dns.lookups.clear();
        guard.check("https://example.com/");
        assertEquals(List.of("example.com"), dns.lookups);
    }

    @Test
    void unknownHostsBadPortsAndGarbageAreUserErrors() {
        assertRejected("https://nowhere.test/", "Could not find the host nowhere.test");
        assertRejected("https://example.com:0/", "port");
        assertRejected("https://example.com:70000/", "port");
        assertRejected("https://exa mple.com/secret", "not a valid URL");
        assertRejected("", "Give a URL");
        assertRejected(null, "Give a URL");
        assertRejected("https://example.com/" + "a".repeat(UrlGuard.MAX_URL_LENGTH), "longer than");
        assertRejected("https://bücher.example/", "xn--");
        // the JDK's URI parser throws NumberFormatException here rather than URISyntaxException
        assertRejected("https://[::ff0:1444444444444444444444427.0.0.1]/", "not a valid URL");
        UrlGuard empty = new UrlGuard(false, host -> List.of());
        assertRejected(empty, "https://example.com/", "cannot look up any host name"); // it resolves nothing at all
        UrlGuard failing = new UrlGuard(false, host -> {
            throw new UnknownHostException("resolver says " + host);
        });
        assertRejected(failing, "https://example.com/", "cannot look up any host name");
    }

    @Test
    void messagesNeverCarryThePathOrQuery() {
        UrlGuard guard = new UrlGuard(false, new FakeDns().with("hooks.test", "10.0.0.5"));
        String message = assertThrows(UserError.class,
                () -> guard.check("https://hooks.test/services/T000/B000/XXXXsecretXXXX?sig=also-secret")).getMessage();
        assertFalse(message.contains("secret"), message);
        assertFalse(message.contains("\n"));
    }

    private UserError assertRejected(String url, String expectedPart) {
        return assertRejected(guard, url, expectedPart);
    }

    private static UserError assertRejected(UrlGuard guard, String url, String expectedPart) {
        UserError error = assertThrows(UserError.class, () -> guard.check(url), url);
        assertTrue(error.getMessage().contains(expectedPart), error.getMessage());
        return error;
    }
}
