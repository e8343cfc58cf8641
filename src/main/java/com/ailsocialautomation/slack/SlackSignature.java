package com.ailsocialautomation.slack;

import com.ailsocialautomation.config.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Slack's request signature, checked over the exact bytes received before anything parses them:
 * {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body)>}, with
 * {@code X-Slack-Request-Timestamp} at most five minutes from now in either direction (so a captured request
 * cannot be replayed later, and a timestamp from the future cannot stretch that window). The SDK's own verifier
 * is not used: it accepts future timestamps, compares with String.equals and logs bodies at DEBUG.
 */
public final class SlackSignature {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final byte[] PREFIX = "v0=".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final Clock clock;

    public SlackSignature(Secret signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** True only for a fresh timestamp and a signature that matches {@code body} exactly. */
    public boolean verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || body == null || !fresh(timestamp)) {
            return false;
        }
        byte[] expected = expected(timestamp, body);
        // Constant time, over bytes: a mismatch in the first character takes as long as one in the last.
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean fresh(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= MAX_SKEW.toSeconds();
    }

    private byte[] expected(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            byte[] hex = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[PREFIX.length + hex.length];
            System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
            System.arraycopy(hex, 0, out, PREFIX.length, hex.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
