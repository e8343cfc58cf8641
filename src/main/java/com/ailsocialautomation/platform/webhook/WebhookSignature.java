package com.ailsocialautomation.platform.webhook;

import com.ailsocialautomation.config.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a webhook delivery is signed with the connection's secret ({@code whsec_} and base64 of 32 random bytes).
 * <ul>
 * <li>Standard Webhooks: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">},
 *     keyed with the bytes the base64 after {@code whsec_} decodes to, so receivers can use any Standard Webhooks
 *     library with the secret as shown. Secrets shown before this scheme use the URL-safe alphabet without padding;
 *     they decode to the same key here (libraries want the standard alphabet: see the README).</li>
 * <li>Deprecated, kept for one release: {@code X-AIL-Signature: sha256=<hex HMAC-SHA256 of the body>}, keyed with the
 *     UTF-8 bytes of the whole secret string.</li>
 * </ul>
 */
public final class WebhookSignature {
    static final String PREFIX = "whsec_";

    private WebhookSignature() {}

    /** The Standard Webhooks {@code webhook-signature} value for one delivery. */
    public static String standard(Secret secret, String id, long timestamp, byte[] body) {
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[signed.length + body.length];
        System.arraycopy(signed, 0, content, 0, signed.length);
        System.arraycopy(body, 0, content, signed.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret.reveal()), content));
    }

    /** The deprecated {@code X-AIL-Signature} value. */
    public static String legacy(Secret secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.reveal().getBytes(StandardCharsets.UTF_8), body));
    }

    /**
     * The key bytes: the base64 after {@code whsec_} in either alphabet, padded or not. A secret that is not base64
     * (never one AIL made) is keyed with its UTF-8 bytes, so that signing never fails a post.
     */
    static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        String standard = encoded.replace('-', '+').replace('_', '/');
        try {
            return Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4));
        } catch (IllegalArgumentException notBase64) {
            return encoded.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
