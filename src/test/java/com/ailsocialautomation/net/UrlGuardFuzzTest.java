package com.ailsocialautomation.net;

import com.ailsocialautomation.testing.PerInputTimeLimit;
import com.ailsocialautomation.UserError;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text, with any set of addresses behind its host, gives a vetted URL that keeps every rule or a
 * one-line UserError; nothing else escapes. The resolver is fake: no input causes a lookup.
 * {@code mvn test} replays the seeds in UrlGuardFuzzTestInputs; JAZZER_FUZZ=1 fuzzes.
 */
class UrlGuardFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @PerInputTimeLimit
    void checkGivesAVettedUrlOrAUserError(FuzzedDataProvider data) throws UnknownHostException {
        boolean insecureLoopback = data.consumeBoolean();
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            addresses.add(InetAddress.getByAddress(data.consumeBoolean() ? v6(data) : v4(data)));
        }
        String url = data.consumeRemainingAsString();
        UrlGuard guard = new UrlGuard(insecureLoopback, host -> {
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        });
        VettedUrl vetted;
        try {
            vetted = guard.check(url);
        } catch (UserError error) {
            assertNotNull(error.getMessage());
            assertFalse(error.getMessage().contains("\n") || error.getMessage().contains("\r"), error.getMessage());
            return;
        }
        String scheme = vetted.uri().getScheme().toLowerCase();
        assertTrue(scheme.equals("https") || (insecureLoopback && scheme.equals("http")), url);
        assertNull(vetted.uri().getRawUserInfo(), url);
        assertTrue(vetted.port() >= 1 && vetted.port() <= 65535, url);
        assertEquals(addresses, vetted.addresses());
        for (InetAddress address : vetted.addresses()) {
            boolean loopbackAllowed = insecureLoopback && PublicAddress.isLoopback(address);
            assertTrue(loopbackAllowed || PublicAddress.whyNot(address).isEmpty(), address.toString());
            assertTrue(scheme.equals("https") || loopbackAllowed, "http only to loopback: " + url);
            assertFalse(!insecureLoopback && (address.isLoopbackAddress() || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()),
                    address.toString());
        }
    }

    private static byte[] v4(FuzzedDataProvider data) {
        int value = data.consumeInt();
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] v6(FuzzedDataProvider data) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 2; i++) {
            long half = data.consumeLong();
            for (int b = 0; b < 8; b++) {
                bytes[i * 8 + b] = (byte) (half >>> (56 - 8 * b));
            }
        }
        return bytes;
    }
}
