package com.ailsocialautomation.oauth;

import com.ailsocialautomation.config.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Confirmation codes for Meta's data-deletion callback that carry their own status: when the request came and
 * whether AIL held anything, signed with a key derived from the app secret, so the status page can show it without
 * AIL storing anything about the person (the erasure's audit row holds no personal data either).
 */
final class DeletionCodes {
    record Status(String code, String received, boolean found) {}

    private final byte[] key;
    private final Clock clock;

    DeletionCodes(Secret appSecret, Clock clock) {
        this.key = hmac(("ail-meta-deletion-codes\u0000" + appSecret.reveal()).getBytes(StandardCharsets.UTF_8), "key");
        this.clock = clock;
    }

    String issue(boolean found) {
        String body = Long.toString(clock.instant().getEpochSecond(), 36) + (found ? "f" : "n");
        return body + "-" + tag(body);
    }

    Optional<Status> read(String code) {
        if (code == null || !code.matches("[0-9a-z]{1,12}[fn]-[0-9a-f]{20}")) {
            return Optional.empty();
        }
        String body = code.substring(0, code.indexOf('-'));
        if (!MessageDigest.isEqual(tag(body).getBytes(StandardCharsets.US_ASCII), code.substring(code.indexOf('-') + 1)
                .getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(body.substring(0, body.length() - 1), 36));
        return Optional.of(new Status(code, MetaCallbackRoutes.when(at), body.endsWith("f")));
    }

    private String tag(String body) {
        return HexFormat.of().formatHex(hmac(key, body), 0, 10);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
